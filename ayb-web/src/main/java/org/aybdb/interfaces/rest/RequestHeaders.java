package org.aybdb.interfaces.rest;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Objects;
import java.util.function.Function;
import org.aybdb.application.AybException;
import org.aybdb.application.Requested;

/**
 * ayb's request headers: names are case-insensitive. {@link #required} refuses a missing one at
 * once; {@link #parsed} and {@link #parsedIfSent} turn one into a typed {@link Requested} value
 * whose refusal the use case raises in its own order (after a 404 for an unknown database).
 */
public final class RequestHeaders {

  private RequestHeaders() {}

  /**
   * The value of header {@code name}.
   *
   * @throws AybException 400 with ayb's message {@code Missing required `<name>` header}
   */
  public static String required(HttpHeaders headers, String name) {
    String value = value(headers, name);
    if (value == null) {
      throw AybException.badRequest(missing(name));
    }
    return value;
  }

  /**
   * Header {@code name} parsed by {@code parser}; when missing, invalid with ayb's message {@code
   * Missing required `<name>` header}; when the parser throws {@link IllegalArgumentException},
   * invalid with its message.
   */
  public static <T> Requested<T> parsed(
      HttpHeaders headers, String name, Function<String, ? extends T> parser) {
    String value = value(headers, name);
    return value == null ? Requested.invalid(missing(name)) : Requested.parse(value, parser);
  }

  /** As {@link #parsed}, but a missing header is {@link Requested#absent()}. */
  public static <T> Requested<T> parsedIfSent(
      HttpHeaders headers, String name, Function<String, ? extends T> parser) {
    return Requested.parse(value(headers, name), parser);
  }

  private static String value(HttpHeaders headers, String name) {
    Objects.requireNonNull(headers, "headers");
    return headers.getHeaderString(Objects.requireNonNull(name, "name"));
  }

  private static String missing(String name) {
    return "Missing required `" + name + "` header";
  }
}
