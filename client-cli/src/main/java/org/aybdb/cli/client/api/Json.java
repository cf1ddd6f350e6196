package org.aybdb.cli.client.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;

/**
 * Reads JSON with JSON-P (Parsson) and writes the little JSON the client sends and saves, escaped
 * exactly as ayb's serde_json does it, so that saved files are byte-for-byte ayb's.
 */
public final class Json {

  private static JsonProvider provider;

  private Json() {}

  /**
   * Parses a JSON document.
   *
   * @throws JsonException if it is not JSON
   */
  public static JsonValue parse(String text) {
    try (JsonReader reader = provider().createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  /** Parses a JSON document that must be an object. */
  public static JsonObject parseObject(String text) {
    JsonValue value = parse(text);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new JsonException("expected a JSON object, found " + describe(value));
    }
    return value.asJsonObject();
  }

  private static synchronized JsonProvider provider() {
    if (provider == null) {
      provider = JsonProvider.provider();
    }
    return provider;
  }

  /** The string value of {@code name}, or null when it is absent or null. */
  public static String optionalString(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw new JsonException(
        "invalid type: " + describe(value) + ", expected a string for `" + name + "`");
  }

  /** The string value of {@code name}, which must be present. */
  public static String requiredString(JsonObject object, String name) {
    String value = optionalString(object, name);
    if (value == null) {
      throw new JsonException("missing field `" + name + "`");
    }
    return value;
  }

  /** The object value of {@code name}, which must be present. */
  public static JsonObject requiredObject(JsonObject object, String name) {
    return required(object, name, JsonValue.ValueType.OBJECT, "an object").asJsonObject();
  }

  /** The array value of {@code name}, which must be present. */
  public static JsonArray requiredArray(JsonObject object, String name) {
    return required(object, name, JsonValue.ValueType.ARRAY, "an array").asJsonArray();
  }

  private static JsonValue required(
      JsonObject object, String name, JsonValue.ValueType type, String expected) {
    JsonValue value = object.get(name);
    if (value == null) {
      throw new JsonException("missing field `" + name + "`");
    }
    if (value.getValueType() != type) {
      throw new JsonException(
          "invalid type: " + describe(value) + ", expected " + expected + " for `" + name + "`");
    }
    return value;
  }

  /** The boolean value of {@code name}; false when absent or null. */
  public static boolean optionalBoolean(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null) {
      return false;
    }
    return switch (value.getValueType()) {
      case TRUE -> true;
      case FALSE, NULL -> false;
      default ->
          throw new JsonException(
              "invalid type: " + describe(value) + ", expected a boolean for `" + name + "`");
    };
  }

  /** A cell of a query result: a string, null, or (leniently) a number or boolean as text. */
  public static String cell(JsonValue value) {
    return switch (value.getValueType()) {
      case NULL -> null;
      case STRING -> ((JsonString) value).getString();
      case NUMBER, TRUE, FALSE -> value.toString();
      default ->
          throw new JsonException("invalid type: " + describe(value) + ", expected a string");
    };
  }

  static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> "map";
      case ARRAY -> "sequence";
      case STRING -> "string " + value;
      case NUMBER -> "number " + value;
      case TRUE, FALSE -> "boolean `" + value + "`";
      case NULL -> "null";
    };
  }

  /** {@code value} as a JSON string literal, escaped like serde_json. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A compact JSON object of string (or null) values, in the map's order. */
  public static String object(Map<String, String> fields) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(quote(field.getKey())).append(':');
      out.append(field.getValue() == null ? "null" : quote(field.getValue()));
    }
    return out.append('}').toString();
  }
}
