package org.aybdb.application.internal;

import java.util.function.Function;
import org.aybdb.application.AybException;

/** ayb's header words turned into values, with ayb's messages for missing and unknown ones. */
final class HeaderValues {

  private HeaderValues() {}

  /**
   * Parses a required header's value.
   *
   * @throws AybException 400 {@code Missing required `<name>` header} or {@code Unknown value: <v>}
   */
  static <T> T required(String name, String value, Function<String, T> parser) {
    if (value == null) {
      throw AybException.badRequest("Missing required `" + name + "` header");
    }
    return parse(value, parser);
  }

  /** Parses an optional header's value; null stays null. */
  static <T> T optional(String value, Function<String, T> parser) {
    return value == null ? null : parse(value, parser);
  }

  private static <T> T parse(String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw AybException.badRequest(e.getMessage());
    }
  }
}
