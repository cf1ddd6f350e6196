package org.aybdb.interfaces.rest.error;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;

/**
 * Everything else. A client mistake the framework raises without a status (a body that does not
 * parse) is a 400; a real fault is a 500 whose body names an incident id that is also in the log,
 * never a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof AybException ayb) {
      return ErrorBodies.of(ayb);
    }
    if (cause instanceof WebApplicationException web) {
      return new WebApplicationExceptionMapper().toResponse(web);
    }
    if (cause instanceof ProcessingException || cause instanceof jakarta.json.JsonException) {
      return ErrorBodies.of(400, ErrorType.Other, "Malformed request body: " + cause.getMessage());
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, error);
    return ErrorBodies.of(
        500, ErrorType.Other, "Internal server error (incident " + incident + ")");
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current instanceof EJBException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
