package org.aybdb.interfaces.database.rest;

import jakarta.json.stream.JsonGenerator;
import java.util.List;
import java.util.Locale;
import org.aybdb.application.engine.QueryResult;

/**
 * The one writer of ayb's query answer, {@code {"fields":[...],"rows":[[...]]}} (plus our {@code
 * "truncated"} member when the engine cut it short), in pieces so that rows go out as the engine
 * hands them over: the HTTP answer streams it ({@link QueryAnswer}), the web page's download writes
 * it whole.
 */
public final class ResultJson {

  private ResultJson() {}

  /** Opens the answer and writes its field names; {@link #rows} follow. */
  public static void start(JsonGenerator json, List<String> fields) {
    json.writeStartObject().writeStartArray("fields");
    for (String field : fields) {
      json.write(field);
    }
    json.writeEnd().writeStartArray("rows");
  }

  /** Writes rows, each an array of text or null cells, as the engine returns them. */
  public static void rows(JsonGenerator json, List<List<String>> rows) {
    for (List<String> row : rows) {
      json.writeStartArray();
      for (String cell : row) {
        if (cell == null) {
          json.writeNull();
        } else {
          json.write(cell);
        }
      }
      json.writeEnd();
    }
  }

  /** Closes the rows and the answer, naming why it is incomplete if it is. */
  public static void end(JsonGenerator json, QueryResult.Truncation truncation) {
    json.writeEnd();
    if (truncation != QueryResult.Truncation.NONE) {
      json.write("truncated", word(truncation));
    }
    json.writeEnd();
  }

  /** {@code rows} or {@code bytes}: the member's and the header's value. */
  public static String word(QueryResult.Truncation truncation) {
    return truncation.name().toLowerCase(Locale.ROOT);
  }
}
