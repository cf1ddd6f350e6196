package org.aybdb.interfaces.rest.error;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.aybdb.application.ErrorType;

/**
 * The framework's own refusals (unknown path, wrong method, unsupported media type, malformed body)
 * in ayb's JSON shape instead of an HTML page. The status is kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uriInfo;
  @Context Request request;

  @Override
  public Response toResponse(WebApplicationException error) {
    int status = error.getResponse().getStatus();
    String method = request == null ? "" : request.getMethod();
    String path = uriInfo == null ? "" : "/" + uriInfo.getPath(false).replaceFirst("^/", "");
    String message;
    if (error instanceof NotFoundException) {
      message = "No such endpoint: " + method + " " + path;
    } else if (error instanceof NotAllowedException) {
      message =
          "Method "
              + method
              + " is not allowed for "
              + path
              + "; allowed: "
              + String.join(", ", error.getResponse().getAllowedMethods());
    } else if (status >= 500) {
      message = "Internal server error";
    } else {
      message =
          Response.Status.fromStatusCode(status) == null
              ? "Request refused (HTTP " + status + ")"
              : "Request refused: " + Response.Status.fromStatusCode(status).getReasonPhrase();
    }
    Response response = ErrorBodies.of(status, ErrorType.Other, message);
    if (error instanceof NotAllowedException) {
      return Response.fromResponse(response).allow(error.getResponse().getAllowedMethods()).build();
    }
    return response;
  }
}
