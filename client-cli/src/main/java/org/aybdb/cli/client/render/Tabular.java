package org.aybdb.cli.client.render;

import java.util.List;
import java.util.Objects;

/**
 * A table to print: a header row and data rows of cells. Cells are plain strings; a cell with line
 * breaks spans several lines, as in ayb's tables.
 */
public record Tabular(List<String> headers, List<List<String>> rows) {

  public Tabular {
    headers = List.copyOf(headers);
    rows = rows.stream().map(row -> List.copyOf(row)).toList();
  }

  public static Tabular of(List<String> headers, List<List<String>> rows) {
    return new Tabular(headers, rows);
  }

  /** The number of columns: the longest of the header and the rows. */
  public int columns() {
    int columns = headers.size();
    for (List<String> row : rows) {
      columns = Math.max(columns, row.size());
    }
    return columns;
  }

  static String cell(List<String> row, int column) {
    return column < row.size() ? Objects.requireNonNullElse(row.get(column), "") : "";
  }
}
