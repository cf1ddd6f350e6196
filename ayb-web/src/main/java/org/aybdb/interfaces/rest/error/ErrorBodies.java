package org.aybdb.interfaces.rest.error;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;

/** Builds ayb's error bodies, fields in ayb's order ({@code type} first). */
final class ErrorBodies {

  private ErrorBodies() {}

  static Response of(AybException error) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("type", error.type().name());
    if (error.recordId() != null) {
      body.add("id", error.recordId()).add("record_type", error.recordType());
    } else if (error.errorMessage() != null) {
      body.add("message", error.errorMessage());
    }
    return Response.status(error.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.build().toString())
        .build();
  }

  static Response of(int status, ErrorType type, String message) {
    return of(new AybException(type, status, message));
  }
}
