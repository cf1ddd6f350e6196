package org.aybdb.interfaces.health.rest;

import jakarta.enterprise.context.RequestScoped;
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
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  @Inject MetadataStoreProbe metadataStore;

  @Inject @Liveness Instance<HealthCheck> liveness;

  @Inject @Readiness Instance<HealthCheck> readiness;

  @Inject ManagementAccess management;

  @Context HttpServletRequest request;

  @GET
  public Response health() {
    String problem = metadataStore.problem();
    if (problem != null) {
      throw new AybException(
          ErrorType.Other, AybException.Kind.UNAVAILABLE, "Not ready: " + problem);
    }
    return Response.ok(Jsons.createObjectBuilder().add("status", "ok").build().toString()).build();
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
