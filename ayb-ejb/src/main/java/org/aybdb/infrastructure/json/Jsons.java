package org.aybdb.infrastructure.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;

/**
 * The factory methods of {@link jakarta.json.Json}, on a provider looked up once. {@code
 * Json.createObjectBuilder()} and friends look the provider up with a ServiceLoader on every call,
 * which in an application server scans the class path: measured as the largest single cost of a
 * point query's request (about a tenth of its CPU time).
 */
public final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonReader createReader(InputStream in) {
    return PROVIDER.createReader(in);
  }

  public static JsonGenerator createGenerator(Writer writer) {
    return PROVIDER.createGenerator(writer);
  }
}
