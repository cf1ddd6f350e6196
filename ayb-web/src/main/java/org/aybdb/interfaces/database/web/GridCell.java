package org.aybdb.interfaces.database.web;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * One cell of the results grid: its text as shown (a BLOB as {@code <blob: N bytes>}) and SQLite's
 * storage class, which decides how it is drawn (NULL marked, numbers right-aligned).
 */
public record GridCell(String text, String type) implements Serializable {

  /** Texts longer than this are clipped, with buttons to expand and copy them. */
  static final int LONG = 60;

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  /** A cell whose storage class the query did not report: guessed from its text. */
  static GridCell untyped(String text) {
    if (text == null) {
      return new GridCell(null, "null");
    }
    return new GridCell(text, NUMBER.matcher(text).matches() ? "real" : "text");
  }

  /** Whether the cell is SQL NULL (named so: {@code null} is reserved in EL). */
  public boolean isNullValue() {
    return text == null;
  }

  public boolean isLong() {
    return text != null && (text.length() > LONG || text.indexOf('\n') >= 0);
  }

  /** CSS classes: {@code cell-integer}, {@code cell-real}, {@code cell-text}, ... */
  public String getStyleClass() {
    String kind = "cell-" + type;
    boolean number = type.equals("integer") || type.equals("real");
    return number ? kind + " cell-number" : kind;
  }
}
