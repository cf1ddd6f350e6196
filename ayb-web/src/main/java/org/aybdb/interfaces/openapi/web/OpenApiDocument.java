package org.aybdb.interfaces.openapi.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aybdb.infrastructure.json.Jsons;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The checked-in OpenAPI 3.1 document ({@value #RESOURCE}, written by hand and checked by the tests
 * against the routes) as its YAML text and as JSON. The JSON is converted from the YAML once, with
 * SnakeYAML Engine (YAML 1.2), so the two can never disagree.
 */
@ApplicationScoped
public class OpenApiDocument {

  /** Where the document is on the class path. */
  static final String RESOURCE = "openapi/openapi.yaml";

  /** Only for the one conversion. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private volatile byte[] yaml;
  private volatile byte[] json;

  /** The document as written. */
  public byte[] yaml() {
    byte[] text = yaml;
    if (text == null) {
      text = read();
      yaml = text;
    }
    return text;
  }

  /** The same document as JSON. */
  public byte[] json() {
    byte[] text = json;
    if (text == null) {
      Object tree =
          new Load(LoadSettings.builder().setLabel(RESOURCE).build())
              .loadFromString(new String(yaml(), StandardCharsets.UTF_8));
      if (!(tree instanceof Map<?, ?>)) {
        throw new IllegalStateException(RESOURCE + " is not a YAML mapping");
      }
      text = value(tree).toString().getBytes(StandardCharsets.UTF_8);
      json = text;
    }
    return text;
  }

  private static byte[] read() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return Objects.requireNonNull(in, RESOURCE + " is missing").readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value SnakeYAML loaded (maps, lists, strings, numbers, booleans, null) as JSON. */
  private static JsonValue value(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    } else if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = Jsons.createObjectBuilder();
      // YAML keys may be numbers (`200:`); JSON's are strings.
      map.forEach((key, member) -> object.add(String.valueOf(key), value(member)));
      return object.build();
    } else if (value instanceof List<?> list) {
      JsonArrayBuilder array = Jsons.createArrayBuilder();
      list.forEach(item -> array.add(value(item)));
      return array.build();
    } else if (value instanceof Boolean bool) {
      return bool ? JsonValue.TRUE : JsonValue.FALSE;
    } else if (value instanceof Integer || value instanceof Long) {
      return JSON.createValue(((Number) value).longValue());
    } else if (value instanceof BigInteger big) {
      return JSON.createValue(big);
    } else if (value instanceof Double number) {
      return JSON.createValue(number);
    }
    return JSON.createValue(value.toString());
  }
}
