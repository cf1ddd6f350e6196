package org.aybdb.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.aybdb.application.engine.QueryEngine;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while queries can be served: DOWN when the query sandbox cannot be enforced and
 * unsandboxed mode is not allowed (fail closed). UP but with a {@code warning} when queries run
 * unsandboxed, so nobody mistakes that for the normal state.
 */
@Readiness
@ApplicationScoped
public class QuerySandboxCheck implements HealthCheck {

  @Inject QueryEngine engine;

  @Override
  public HealthCheckResponse call() {
    String status = engine.status();
    var response = HealthCheckResponse.named("query-sandbox").withData("status", status);
    if (status.startsWith("UNSANDBOXED")) {
      response.withData("warning", "QUERIES RUN WITHOUT THE SANDBOX");
    }
    return response.status(engine.ready()).build();
  }
}
