package org.aybdb.interfaces.database.rest;

import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.application.engine.StatementResult;
import org.aybdb.infrastructure.json.Jsons;

/**
 * The answer to a JSON query body. Without typed results: one statement answers ayb's v1 {@code
 * {"fields":[...],"rows":[[...]]}}, a batch {@code {"results":[<that>, ...]}}. With typed results
 * ({@value #TYPED} asked for in {@code Accept}): each result is {@code {"columns":[{"name",
 * "declared_type"}], "rows":[[{"type","value"}]], "meta":{"rows_changed", "last_insert_id",
 * "duration_ms"}}} and the content type is {@value #TYPED}; integers beyond ±2^53 (what a
 * JavaScript number holds exactly) are strings, BLOBs base64.
 */
final class TypedAnswer {

  /** The media type of typed results. */
  static final String TYPED = "application/vnd.ayb+json; version=2";

  /** The largest integer a JSON number carries exactly into JavaScript. */
  private static final long SAFE_INTEGER = (1L << 53) - 1;

  private TypedAnswer() {}

  /** Whether {@code accepted} asks for typed results ({@code application/vnd.ayb+json} v2). */
  static boolean asked(List<MediaType> accepted) {
    for (MediaType m : accepted) {
      if ("application".equalsIgnoreCase(m.getType())
          && "vnd.ayb+json".equalsIgnoreCase(m.getSubtype())
          && "2".equals(m.getParameters().get("version"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param batch whether the body was a batch ({@code "results"} around the results)
   */
  static Response of(List<StatementResult> results, boolean batch, boolean typed) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = Jsons.createGenerator(text)) {
      if (batch) {
        json.writeStartObject().writeStartArray("results");
        for (StatementResult r : results) {
          json.writeStartObject();
          write(json, r, typed);
          json.writeEnd();
        }
        json.writeEnd().writeEnd();
      } else {
        json.writeStartObject();
        write(json, results.get(0), typed);
        json.writeEnd();
      }
    }
    Response.ResponseBuilder answer =
        Response.ok(text.toString(), typed ? TYPED : MediaType.APPLICATION_JSON);
    QueryResult.Truncation truncation =
        results.stream()
            .map(StatementResult::truncation)
            .filter(t -> t != QueryResult.Truncation.NONE)
            .findFirst()
            .orElse(QueryResult.Truncation.NONE);
    if (truncation != QueryResult.Truncation.NONE) {
      answer.header(DatabaseResource.TRUNCATED_HEADER, ResultJson.word(truncation));
    }
    return answer.build();
  }

  private static void write(JsonGenerator json, StatementResult r, boolean typed) {
    if (typed) {
      json.writeStartArray("columns");
      for (int c = 0; c < r.fields().size(); c++) {
        json.writeStartObject().write("name", r.fields().get(c));
        String declared = r.declaredTypes().get(c);
        if (declared == null) {
          json.writeNull("declared_type");
        } else {
          json.write("declared_type", declared);
        }
        json.writeEnd();
      }
      json.writeEnd();
    } else {
      json.writeStartArray("fields");
      r.fields().forEach(json::write);
      json.writeEnd();
    }
    json.writeStartArray("rows");
    for (List<Object> row : r.rows()) {
      json.writeStartArray();
      for (Object cell : row) {
        if (typed) {
          typedCell(json, cell);
        } else if (cell == null) {
          json.writeNull();
        } else {
          json.write((String) cell);
        }
      }
      json.writeEnd();
    }
    json.writeEnd();
    if (r.truncation() != QueryResult.Truncation.NONE) {
      json.write("truncated", ResultJson.word(r.truncation()));
    }
    if (typed) {
      json.writeStartObject("meta")
          .write("rows_changed", r.rowsChanged())
          .write("last_insert_id", r.lastInsertId())
          .write("duration_ms", Math.round(r.durationNanos() / 1000.0) / 1000.0)
          .writeEnd();
    }
  }

  private static final Map<Class<?>, String> TYPES =
      Map.of(
          Long.class, "integer", Double.class, "real", String.class, "text", byte[].class, "blob");

  private static void typedCell(JsonGenerator json, Object cell) {
    json.writeStartObject();
    if (cell == null) {
      json.write("type", "null").writeNull("value");
    } else {
      json.write("type", TYPES.get(cell.getClass()));
      if (cell instanceof Long l) {
        if (Math.abs(l) > SAFE_INTEGER || l == Long.MIN_VALUE) {
          json.write("value", Long.toString(l));
        } else {
          json.write("value", l);
        }
      } else if (cell instanceof Double d) {
        if (Double.isFinite(d)) {
          json.write("value", d);
        } else {
          json.write("value", d > 0 ? "inf" : d < 0 ? "-inf" : "NaN");
        }
      } else if (cell instanceof String s) {
        json.write("value", s);
      } else {
        json.write("value", Base64.getEncoder().encodeToString((byte[]) cell));
      }
    }
    json.writeEnd();
  }
}
