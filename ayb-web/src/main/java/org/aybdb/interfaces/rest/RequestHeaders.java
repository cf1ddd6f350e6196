package org.aybdb.interfaces.rest;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Objects;
import org.aybdb.application.AybException;

/** ayb's request headers: names are case-insensitive; a missing one is a 400. */
public final class RequestHeaders {

  private RequestHeaders() {}

  /**
   * The value of header {@code name}.
   *
   * @throws AybException 400 with ayb's message {@code Missing required `<name>` header}
   */
  public static String required(HttpHeaders headers, String name) {
    Objects.requireNonNull(headers, "headers");
    String value = headers.getHeaderString(Objects.requireNonNull(name, "name"));
    if (value == null) {
      throw AybException.badRequest("Missing required `" + name + "` header");
    }
    return value;
  }
}
