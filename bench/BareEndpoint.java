package org.aybdb.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * The bench's bare JAX-RS endpoint: no filter, no CDI bean, no lookup, a constant JSON body. The
 * query benchmark compiles it into a WAR of its own and deploys it next to ayb on the same Payara
 * Micro, so that it measures what the container costs before ayb adds anything. Never shipped.
 */
@ApplicationPath("/")
public class BareEndpoint extends Application {

  /** GET /bare. */
  @Path("bare")
  public static class Bare {
    private static final String BODY = "{\"status\":\"ok\"}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
      return BODY;
    }
  }
}
