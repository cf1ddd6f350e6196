package org.aybdb.cli.client.render;

import java.util.List;

/**
 * ayb's CSV format (the Rust csv crate's defaults): the header line, then one line per row, fields
 * separated by {@code ,}, every line ending with {@code \n}. A field is quoted only when it has to
 * be, that is when it contains {@code ,}, {@code "}, CR or LF ({@code "} doubled inside), and a
 * line whose only field is empty is written as {@code ""}.
 */
public final class CsvRenderer {

  private CsvRenderer() {}

  public static String render(Tabular table) {
    StringBuilder out = new StringBuilder();
    line(out, table.headers());
    for (List<String> row : table.rows()) {
      line(out, row);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> fields) {
    if (fields.size() == 1 && field(Tabular.cell(fields, 0)).isEmpty()) {
      out.append("\"\"\n");
      return;
    }
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(Tabular.cell(fields, i)));
    }
    out.append('\n');
  }

  /**
   * One field. ayb's table cells drop a {@code \r} before each line break and a trailing line
   * break, and so does its CSV, which is written from the same cells.
   */
  static String field(String value) {
    String content = String.join("\n", TableRenderer.lines(value));
    boolean quote = false;
    for (int i = 0; i < content.length() && !quote; i++) {
      char c = content.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + content.replace("\"", "\"\"") + '"' : content;
  }
}
