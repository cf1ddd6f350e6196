package org.aybdb.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.aybdb.application.port.ApplicationMetrics;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether ayb's application metrics are published: always UP (queries do not need metrics),
 * with {@code application-metrics} "published" or "off" so that a missing {@code ayb_*} series on a
 * server without MicroProfile Metrics is explained where operators look.
 */
@Readiness
@ApplicationScoped
public class MetricsCheck implements HealthCheck {

  @Inject ApplicationMetrics metrics;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("metrics")
        .withData(
            "application-metrics",
            metrics.published() ? "published" : "off: the server has no MicroProfile Metrics")
        .up()
        .build();
  }
}
