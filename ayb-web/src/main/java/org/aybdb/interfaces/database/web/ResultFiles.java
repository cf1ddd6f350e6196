package org.aybdb.interfaces.database.web;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.interfaces.database.rest.ResultJson;

/** A query result as the files the database page offers: CSV and JSON. */
final class ResultFiles {

  private ResultFiles() {}

  /**
   * RFC 4180 CSV: a header of the field names, one line per row ending in {@code \n}; a value is
   * quoted when it holds a comma, a quote or a line break; NULL is an empty cell. Formula-leading
   * cells are neutralized ({@link #neutralized}).
   */
  static String csv(QueryResult result) {
    StringBuilder out = new StringBuilder();
    out.append(result.fields().stream().map(ResultFiles::cell).collect(Collectors.joining(",")));
    out.append('\n');
    for (List<String> row : result.rows()) {
      out.append(
          row.stream()
              .map(value -> value == null ? "" : cell(value))
              .collect(Collectors.joining(",")));
      out.append('\n');
    }
    return out.toString();
  }

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  /**
   * A cell that a spreadsheet would run as a formula (it starts with {@code =}, {@code +}, {@code
   * -}, {@code @}, a tab or a carriage return, and is not a plain number such as {@code -5}) gets a
   * leading {@code '}: spreadsheets show the text, and the quote, instead of evaluating it.
   */
  static String neutralized(String value) {
    if (value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0) {
      return value;
    }
    return NUMBER.matcher(value).matches() ? value : "'" + value;
  }

  private static String cell(String raw) {
    String value = neutralized(raw);
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** ayb's query answer, pretty-printed: {@code {"fields": [...], "rows": [[...], ...]}}. */
  static String json(QueryResult result) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json =
        Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createGenerator(out)) {
      ResultJson.start(json, result.fields());
      ResultJson.rows(json, result.rows());
      ResultJson.end(json, result.truncation());
    }
    return out.toString().strip() + "\n";
  }
}
