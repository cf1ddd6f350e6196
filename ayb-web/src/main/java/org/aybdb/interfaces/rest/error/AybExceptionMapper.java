package org.aybdb.interfaces.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.aybdb.application.AybException;

/** Application errors: their own type, message and status. */
@Provider
public class AybExceptionMapper implements ExceptionMapper<AybException> {

  @Override
  public Response toResponse(AybException error) {
    return ErrorBodies.of(error);
  }
}
