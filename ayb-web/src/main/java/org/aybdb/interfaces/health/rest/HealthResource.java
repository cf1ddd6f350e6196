package org.aybdb.interfaces.health.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.infrastructure.json.Jsons;
import org.aybdb.infrastructure.persistence.migration.MetadataStoreProbe;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code GET /health} answers ayb's {@code {"status":"ok"}} once the metadata store answers; the
 * MicroProfile Health sub-paths report each check in the standard format to management clients
 * ({@link ManagementAccess}) and only the overall status to others. Payara's own health endpoint is
 * switched off (pre-boot command) so it cannot shadow these.
 */
@Path("health")
@ApplicationScoped // one instance: no bean to create per request
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  @Inject MetadataStoreProbe metadataStore;

  @Inject @Liveness Instance<HealthCheck> liveness;

  @Inject @Readiness Instance<HealthCheck> readiness;

  @Inject ManagementAccess management;

  @Context HttpServletRequest request;

  /** ayb's answer while the store answers. */
  private static final String OK =
      Jsons.createObjectBuilder().add("status", "ok").build().toString();

  /** How long an answering store is taken to keep answering without being asked again. */
  static final long PROBE_NANOS = 1_000_000_000L;

  // System.nanoTime() until which the last successful probe stands; a failure is never remembered.
  private volatile long answeredUntil = System.nanoTime() - 1;

  /**
   * ayb's {@code {"status":"ok"}} when the metadata store answers, 503 otherwise. The store is
   * asked at most once a second while it answers (a load balancer's probes must not cost a
   * connection and a query each); after a failure, every request asks again.
   */
  @GET
  public Response health() {
    long now = System.nanoTime();
    if (now - answeredUntil >= 0) {
      String problem = metadataStore.problem();
      if (problem != null) {
        throw new AybException(
            ErrorType.Other, AybException.Kind.UNAVAILABLE, "Not ready: " + problem);
      }
      answeredUntil = now + PROBE_NANOS;
    }
    return Response.ok(OK).build();
  }

  @GET
  @Path("live")
  public Response live() {
    return report(liveness, management.allows(request));
  }

  @GET
  @Path("ready")
  public Response ready() {
    return report(readiness, management.allows(request));
  }

  /** The overall status for anyone (orchestrators need it); the checks only with details. */
  private static Response report(Instance<HealthCheck> checks, boolean details) {
    boolean up = true;
    JsonArrayBuilder array = Jsons.createArrayBuilder();
    for (HealthCheck check : checks) {
      HealthCheckResponse response = check.call();
      up &= response.getStatus() == HealthCheckResponse.Status.UP;
      array.add(toJson(response));
    }
    JsonObjectBuilder status = Jsons.createObjectBuilder().add("status", up ? "UP" : "DOWN");
    JsonObject body = details ? status.add("checks", array).build() : status.build();
    return Response.status(up ? 200 : 503).entity(body.toString()).build();
  }

  private static JsonObjectBuilder toJson(HealthCheckResponse response) {
    JsonObjectBuilder check =
        Jsons.createObjectBuilder()
            .add("name", response.getName())
            .add("status", response.getStatus().name());
    response
        .getData()
        .filter(data -> !data.isEmpty())
        .ifPresent(
            data -> {
              JsonObjectBuilder fields = Jsons.createObjectBuilder();
              for (Map.Entry<String, Object> entry : data.entrySet()) {
                fields.add(entry.getKey(), String.valueOf(entry.getValue()));
              }
              check.add("data", fields);
            });
    return check;
  }
}
