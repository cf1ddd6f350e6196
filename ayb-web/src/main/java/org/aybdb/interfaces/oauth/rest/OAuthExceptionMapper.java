package org.aybdb.interfaces.oauth.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.aybdb.application.OAuthException;
import org.aybdb.infrastructure.json.Jsons;

/** An OAuth refusal as the protocol's JSON: {@code {"error": ..., "error_description": ...}}. */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

  @Override
  public Response toResponse(OAuthException refused) {
    String body =
        Jsons.createObjectBuilder()
            .add("error", refused.error())
            .add("error_description", refused.description())
            .build()
            .toString();
    return Response.status(refused.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(body)
        .build();
  }
}
