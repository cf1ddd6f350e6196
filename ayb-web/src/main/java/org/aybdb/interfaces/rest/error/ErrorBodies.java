package org.aybdb.interfaces.rest.error;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.StatementFailedException;
import org.aybdb.infrastructure.json.Jsons;

/**
 * Builds ayb's error bodies, fields in ayb's order ({@code type} first), with the headers their
 * status calls for: {@code WWW-Authenticate: Bearer} on 401, {@code Retry-After} on 429.
 */
final class ErrorBodies {

  private ErrorBodies() {}

  static Response of(AybException error) {
    JsonObjectBuilder body = Jsons.createObjectBuilder().add("type", error.type().name());
    if (error.recordId() != null) {
      body.add("id", error.recordId()).add("record_type", error.recordType());
    } else if (error.errorMessage() != null) {
      body.add("message", error.errorMessage());
    }
    if (error instanceof StatementFailedException failed) {
      body.add("statement_index", failed.index());
    }
    return respond(FailureStatus.of(error), error.type(), body, error.retryAfterSeconds());
  }

  /** An error that the edge itself found, with the status it already knows. */
  static Response of(int status, ErrorType type, String message) {
    JsonObjectBuilder body =
        Jsons.createObjectBuilder().add("type", type.name()).add("message", message);
    return respond(status, type, body, 0);
  }

  private static Response respond(
      int status, ErrorType type, JsonObjectBuilder body, long retryAfterSeconds) {
    Response.ResponseBuilder response =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(body.build().toString());
    if (status == 401) {
      // RFC 6750: name the scheme; a token that was presented but refused is invalid_token.
      boolean refusedToken = type == ErrorType.InvalidToken || type == ErrorType.RecordNotFound;
      response.header(
          HttpHeaders.WWW_AUTHENTICATE, refusedToken ? "Bearer error=\"invalid_token\"" : "Bearer");
    }
    if (retryAfterSeconds > 0) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }
    return response.build();
  }
}
