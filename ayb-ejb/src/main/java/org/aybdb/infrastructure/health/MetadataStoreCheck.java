package org.aybdb.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.aybdb.infrastructure.persistence.migration.MetadataStoreProbe;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the metadata store answers a query against its schema. */
@Readiness
@ApplicationScoped
public class MetadataStoreCheck implements HealthCheck {

  @Inject MetadataStoreProbe probe;

  @Override
  public HealthCheckResponse call() {
    String problem = probe.problem();
    var response = HealthCheckResponse.named("metadata-store");
    return problem == null
        ? response.up().build()
        : response.down().withData("error", problem).build();
  }
}
