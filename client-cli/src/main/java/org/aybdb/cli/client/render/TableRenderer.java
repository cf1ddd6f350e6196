package org.aybdb.cli.client.render;

import java.util.ArrayList;
import java.util.List;

/**
 * ayb's table format (prettytable's "no border, line separator" style), byte for byte:
 *
 * <pre>
 *  fname      | lname
 * ------------+-----------
 *  the first  | the last
 *  the first2 | the last2
 * </pre>
 *
 * <p>Every cell is one space, the content left-aligned and padded with spaces to the column's
 * display width, and one space; the last column is not padded to its width. Cells are joined by
 * {@code |}. The header is followed by a line of {@code -} (column width + 2 per column) joined by
 * {@code +}. A column is as wide as its widest line ({@link DisplayWidth}); a cell with line breaks
 * takes several lines. Every line ends with {@code \n}.
 */
public final class TableRenderer {

  private TableRenderer() {}

  public static String render(Tabular table) {
    int columns = table.columns();
    List<List<String>> headerLines = cellLines(table.headers(), columns);
    List<List<List<String>>> rowLines = new ArrayList<>();
    for (List<String> row : table.rows()) {
      rowLines.add(cellLines(row, columns));
    }
    int[] widths = new int[columns];
    measure(headerLines, widths);
    rowLines.forEach(row -> measure(row, widths));

    StringBuilder out = new StringBuilder();
    printRow(out, headerLines, widths);
    for (int column = 0; column < columns; column++) {
      if (column > 0) {
        out.append('+');
      }
      out.append("-".repeat(widths[column] + 2));
    }
    out.append('\n');
    for (List<List<String>> row : rowLines) {
      printRow(out, row, widths);
    }
    return out.toString();
  }

  /** Each cell of a row split into its lines, the row filled up with empty cells. */
  private static List<List<String>> cellLines(List<String> row, int columns) {
    List<List<String>> cells = new ArrayList<>(columns);
    for (int column = 0; column < columns; column++) {
      cells.add(lines(Tabular.cell(row, column)));
    }
    return cells;
  }

  /**
   * The lines of a cell as Rust's {@code str::lines} gives them: split at {@code \n}, a {@code \r}
   * before it dropped, no last empty line for a trailing {@code \n}; no lines for "".
   */
  static List<String> lines(String content) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < content.length()) {
      int end = content.indexOf('\n', start);
      int next;
      if (end < 0) {
        end = content.length();
        next = end;
      } else {
        next = end + 1;
      }
      String line = content.substring(start, end);
      if (next > end && line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      lines.add(line);
      start = next;
    }
    return lines;
  }

  private static void measure(List<List<String>> row, int[] widths) {
    for (int column = 0; column < widths.length; column++) {
      for (String line : row.get(column)) {
        widths[column] = Math.max(widths[column], DisplayWidth.of(line));
      }
    }
  }

  private static void printRow(StringBuilder out, List<List<String>> row, int[] widths) {
    int height = 1; // an empty row still takes one line
    for (List<String> cell : row) {
      height = Math.max(height, cell.size());
    }
    int last = widths.length - 1;
    for (int line = 0; line < height; line++) {
      for (int column = 0; column < widths.length; column++) {
        List<String> cell = row.get(column);
        String text = line < cell.size() ? cell.get(line) : "";
        out.append(' ').append(text);
        if (column != last) {
          out.append(" ".repeat(Math.max(0, widths[column] - DisplayWidth.of(text))));
        }
        out.append(' ');
        if (column != last) {
          out.append('|');
        }
      }
      out.append('\n');
    }
  }
}
