package org.aybdb.application;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Objects;

/**
 * Reads JSON text that a client sent, so that every way of refusing it is one {@link
 * JsonException}: the parser itself reports some inputs with other exceptions, which would
 * otherwise end the request as a server failure.
 */
public final class ClientJson {

  // Looked up once: Json.createReader() would search the class path on every call.
  private static final JsonProvider JSON = JsonProvider.provider();

  static final String NUMBER_OUT_OF_RANGE = "a number has too many digits or too large an exponent";

  private ClientJson() {}

  /**
   * {@code text} as one JSON value, nested at most {@code maxDepth} deep with nothing after it.
   *
   * @throws JsonException for anything else, with a message that can go to the client
   */
  public static JsonValue read(String text, int maxDepth) {
    return read(text, maxDepth, Integer.MAX_VALUE);
  }

  /**
   * As {@link #read(String, int)}, with at most {@code maxValues} elements and members in all its
   * arrays and objects together, counted before the tree is built.
   */
  public static JsonValue read(String text, int maxDepth, int maxValues) {
    Objects.requireNonNull(text, "text");
    JsonShape.problem(text, maxDepth, maxValues)
        .ifPresent(
            problem -> {
              throw new JsonException(problem);
            });
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (JsonException malformed) {
      throw malformed;
    } catch (NumberFormatException | ArithmeticException | UnsupportedOperationException e) {
      // Parsson's answer to an exponent beyond an int or a number over its length limit.
      throw new JsonException(NUMBER_OUT_OF_RANGE, e);
    } catch (RuntimeException e) {
      // Parsson's own nesting limit throws a bare RuntimeException (json_max_depth may reach it).
      throw new JsonException("unreadable JSON: " + e.getMessage(), e);
    }
  }
}
