package org.aybdb.interfaces.rest.error;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.aybdb.application.ErrorType;

/**
 * Everything else. A client mistake the framework raises without a status (a body that does not
 * parse) is a 400; a real fault is a 500 whose body names an incident id that is also in the log,
 * never a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable error) {
    Throwable cause = ErrorAnswer.unwrap(error);
    if (cause instanceof WebApplicationException web) {
      return new WebApplicationExceptionMapper().toResponse(web);
    }
    if (cause instanceof ProcessingException || cause instanceof jakarta.json.JsonException) {
      return ErrorBodies.of(400, ErrorType.Other, "Malformed request body: " + cause.getMessage());
    }
    return ErrorBodies.respond(ErrorAnswer.unexpected(error));
  }
}
