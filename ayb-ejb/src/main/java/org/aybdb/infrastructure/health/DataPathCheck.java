package org.aybdb.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aybdb.config.AybConfiguration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Live and ready only while {@code data_path} takes a write: without it no database can be created
 * or changed. Proven by writing and deleting a small file, not by permission bits.
 */
@Liveness
@Readiness
@ApplicationScoped
public class DataPathCheck implements HealthCheck {

  @Inject AybConfiguration configuration;

  @Override
  public HealthCheckResponse call() {
    Path dataPath = configuration.dataPath().toAbsolutePath();
    var response = HealthCheckResponse.named("data-path").withData("path", dataPath.toString());
    try {
      Files.createDirectories(dataPath);
      Path probe = Files.createTempFile(dataPath, ".health-", ".tmp");
      Files.delete(probe);
      return response.up().build();
    } catch (IOException | RuntimeException e) {
      return response.down().withData("error", "not writable: " + e.getMessage()).build();
    }
  }
}
