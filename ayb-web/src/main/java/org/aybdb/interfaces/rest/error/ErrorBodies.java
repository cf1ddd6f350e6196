package org.aybdb.interfaces.rest.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;

/** ayb's error answers ({@link ErrorAnswer}) as JAX-RS responses. */
final class ErrorBodies {

  private ErrorBodies() {}

  static Response of(AybException error) {
    return respond(ErrorAnswer.of(error));
  }

  /** An error that the edge itself found, with the status it already knows. */
  static Response of(int status, ErrorType type, String message) {
    return respond(ErrorAnswer.of(status, type, message));
  }

  static Response respond(ErrorAnswer answer) {
    Response.ResponseBuilder response =
        Response.status(answer.status())
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(answer.body());
    if (answer.wwwAuthenticate() != null) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, answer.wwwAuthenticate());
    }
    if (answer.retryAfterSeconds() > 0) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(answer.retryAfterSeconds()));
    }
    return response.build();
  }
}
