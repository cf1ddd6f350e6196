package org.aybdb.interfaces.account.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.util.Optional;
import org.aybdb.application.ApiTokenInfo;
import org.aybdb.application.TokenService;
import org.aybdb.infrastructure.json.Jsons;
import org.aybdb.interfaces.rest.JsonBodies;
import org.aybdb.interfaces.rest.NaiveTimestamps;
import org.aybdb.interfaces.rest.auth.Authenticated;
import org.aybdb.interfaces.rest.auth.CallerContext;

/**
 * {@code GET /v1/tokens} lists the caller's active API tokens (ayb's {@code APITokenInfo} fields,
 * newest first); {@code DELETE /v1/tokens/{short_token}} revokes one of them.
 */
@Path("v1/tokens")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

  @Inject TokenService tokens;
  @Inject CallerContext callers;

  @GET
  public String list() {
    JsonArrayBuilder items = Jsons.createArrayBuilder();
    for (ApiTokenInfo token : tokens.activeTokens(callers.caller())) {
      JsonObjectBuilder item = Jsons.createObjectBuilder().add("short_token", token.shortToken());
      JsonBodies.addNullable(item, "scoped_database", token.scopedDatabase().orElse(null));
      JsonBodies.addNullable(item, "permission_level", token.permissionLevel().orElse(null));
      JsonBodies.addNullable(item, "app_name", token.appName().orElse(null));
      JsonBodies.addNullable(item, "created_at", timestamp(token.createdAt()));
      JsonBodies.addNullable(item, "expires_at", timestamp(token.expiresAt()));
      JsonBodies.addNullable(item, "revoked_at", timestamp(token.revokedAt()));
      items.add(item);
    }
    return Jsons.createObjectBuilder().add("tokens", items).build().toString();
  }

  @DELETE
  @Path("{short_token}")
  public String revoke(@PathParam("short_token") String shortToken) {
    tokens.revoke(callers.caller(), shortToken);
    return JsonBodies.EMPTY;
  }

  private static String timestamp(Optional<LocalDateTime> value) {
    return value.map(NaiveTimestamps::format).orElse(null);
  }
}
