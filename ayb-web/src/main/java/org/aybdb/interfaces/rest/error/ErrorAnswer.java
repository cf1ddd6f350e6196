package org.aybdb.interfaces.rest.error;

import jakarta.ejb.EJBException;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.StatementFailedException;
import org.aybdb.infrastructure.json.Jsons;
import org.aybdb.interfaces.rest.HttpExchange;

/**
 * ayb's error answer, {@code {"type":..,"message":..}} (fields in ayb's order) with its status and
 * the headers the status calls for: {@code WWW-Authenticate: Bearer} on 401, {@code Retry-After}
 * when the failure names a wait. The JAX-RS mappers and the servlet query endpoint answer with it.
 *
 * @param wwwAuthenticate the {@code WWW-Authenticate} value, or null
 * @param retryAfterSeconds the {@code Retry-After} value, 0 for none
 */
public record ErrorAnswer(int status, String body, String wwwAuthenticate, long retryAfterSeconds) {

  private static final Logger LOG = Logger.getLogger(ErrorAnswer.class.getName());

  /** The answer to an application failure: its own type, message and status. */
  public static ErrorAnswer of(AybException error) {
    JsonObjectBuilder body = Jsons.createObjectBuilder().add("type", error.type().name());
    if (error.recordId() != null) {
      body.add("id", error.recordId()).add("record_type", error.recordType());
    } else if (error.errorMessage() != null) {
      body.add("message", error.errorMessage());
    }
    if (error instanceof StatementFailedException failed) {
      body.add("statement_index", failed.index());
    }
    return of(FailureStatus.of(error), error.type(), body, error.retryAfterSeconds());
  }

  /** An error that the edge itself found, with the status it already knows. */
  public static ErrorAnswer of(int status, ErrorType type, String message) {
    return of(
        status,
        type,
        Jsons.createObjectBuilder().add("type", type.name()).add("message", message),
        0);
  }

  /**
   * The answer to a failure that is not an {@link AybException} (nor wraps one in an {@link
   * EJBException}): a 500 whose body names an incident id that is also logged with the stack trace.
   */
  public static ErrorAnswer unexpected(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof AybException ayb) {
      return of(ayb);
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, error);
    return of(500, ErrorType.Other, "Internal server error (incident " + incident + ")");
  }

  /** {@code error} without the EJB container's wrapping. */
  static Throwable unwrap(Throwable error) {
    Throwable current = Objects.requireNonNull(error, "error");
    while (current instanceof EJBException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static ErrorAnswer of(
      int status, ErrorType type, JsonObjectBuilder body, long retryAfterSeconds) {
    String challenge = null;
    if (status == 401) {
      // RFC 6750: name the scheme; a token that was presented but refused is invalid_token.
      boolean refusedToken = type == ErrorType.InvalidToken || type == ErrorType.RecordNotFound;
      challenge = refusedToken ? "Bearer error=\"invalid_token\"" : "Bearer";
    }
    return new ErrorAnswer(status, body.build().toString(), challenge, retryAfterSeconds);
  }

  /** Sends this answer on an exchange whose answer is not committed yet. */
  public void send(HttpExchange exchange) throws IOException {
    exchange.resetBuffer();
    exchange.status(status);
    exchange.contentType("application/json");
    if (wwwAuthenticate != null) {
      exchange.setHeader("WWW-Authenticate", wwwAuthenticate);
    }
    if (retryAfterSeconds > 0) {
      exchange.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.contentLength(bytes.length);
    exchange.output().write(bytes);
  }
}
