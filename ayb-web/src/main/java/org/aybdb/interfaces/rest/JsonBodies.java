package org.aybdb.interfaces.rest;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.aybdb.application.AybException;
import org.aybdb.application.ClientJson;
import org.aybdb.application.ErrorType;

/** Reading request bodies and writing ayb's JSON answers. */
public final class JsonBodies {

  /** ayb's {@code EmptyResponse}. */
  public static final String EMPTY = "{}";

  private JsonBodies() {}

  /** Adds {@code name}: {@code value}, or {@code null} when there is no value. */
  public static JsonObjectBuilder addNullable(
      JsonObjectBuilder builder, String name, String value) {
    return value == null ? builder.addNull(name) : builder.add(name, value);
  }

  /**
   * Reads a JSON object whose values are strings or null (ayb's {@code HashMap<String,
   * Option<String>>}), at most {@code maxBytes} long and nested at most {@code maxDepth} deep.
   *
   * @throws AybException 413 for a longer body, 400 for anything that is not such an object (also
   *     for deeper nesting, text that is not UTF-8, or anything after the object)
   */
  public static Map<String, String> readStringMap(InputStream body, int maxBytes, int maxDepth) {
    JsonObject object = readObject(body, maxBytes, maxDepth);
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      JsonValue value = entry.getValue();
      if (value instanceof JsonString text) {
        values.put(entry.getKey(), text.getString());
      } else if (value.getValueType() == JsonValue.ValueType.NULL) {
        values.put(entry.getKey(), null);
      } else {
        throw AybException.badRequest(
            "Malformed request body: `" + entry.getKey() + "` must be a string or null");
      }
    }
    return values;
  }

  private static JsonObject readObject(InputStream body, int maxBytes, int maxDepth) {
    byte[] bytes = readAtMost(Objects.requireNonNull(body, "body"), maxBytes);
    return parseObject(TextBodies.decodeUtf8(bytes, "request body"), maxDepth);
  }

  /**
   * {@code text} as one JSON object nested at most {@code maxDepth} deep.
   *
   * @throws AybException 400 for anything else
   */
  public static JsonObject parseObject(String text, int maxDepth) {
    return parseObject(text, maxDepth, Integer.MAX_VALUE);
  }

  /**
   * As {@link #parseObject(String, int)}, with at most {@code maxValues} elements and members in
   * all (400 beyond, before the tree is built).
   */
  public static JsonObject parseObject(String text, int maxDepth, int maxValues) {
    JsonValue value;
    try {
      value = ClientJson.read(text, maxDepth, maxValues);
    } catch (JsonException e) {
      throw AybException.badRequest("Malformed request body: " + e.getMessage());
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw AybException.badRequest("Malformed request body: expected a JSON object");
  }

  /** How much of a refused body is read and thrown away before the 413 goes out. */
  static final long DRAIN_BYTES = 4L << 20;

  private static byte[] readAtMost(InputStream body, int maxBytes) {
    try {
      byte[] bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        // Over HTTP/2 the server answers without resetting the stream, and a client that is still
        // sending waits for flow-control credit that only reading gives: take in a bounded rest.
        byte[] scratch = new byte[8192];
        long drained = 0;
        for (int read = 0; read >= 0 && drained < DRAIN_BYTES; read = body.read(scratch)) {
          drained += read;
        }
        throw tooLarge(maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw TextBodies.stalled();
    }
  }

  private static AybException tooLarge(int maxBytes) {
    return new AybException(
        ErrorType.Other,
        AybException.Kind.TOO_LARGE,
        "Request body is too large: at most " + maxBytes + " bytes");
  }
}
