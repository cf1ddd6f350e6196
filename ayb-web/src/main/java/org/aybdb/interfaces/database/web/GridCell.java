package org.aybdb.interfaces.database.web;

import java.io.Serializable;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One cell of the results grid: its text as shown (a BLOB as {@code <blob: N bytes>}), SQLite's
 * storage class, which decides how it is drawn (NULL marked, numbers right-aligned), and for a BLOB
 * the hexadecimal of its first {@link #HEX_BYTES} bytes, shown on a click.
 */
public record GridCell(String text, String type, String hex) implements Serializable {

  /** How many leading bytes of a BLOB the grid can show in hexadecimal. */
  static final int HEX_BYTES = 256;

  GridCell(String text, String type) {
    this(text, type, null);
  }

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

  /**
   * A cell from a typed value ({@code null}, {@link Long}, {@link Double}, {@link String} or {@code
   * byte[]}): its storage class is known, a BLOB's length and hexadecimal come from its bytes.
   */
  static GridCell typed(Object value) {
    if (value == null) {
      return new GridCell(null, "null");
    }
    if (value instanceof byte[] bytes) {
      int shown = Math.min(bytes.length, HEX_BYTES);
      return new GridCell(
          "<blob: " + bytes.length + " bytes>",
          "blob",
          HexFormat.of().withUpperCase().formatHex(bytes, 0, shown));
    }
    if (value instanceof Long) {
      return new GridCell(value.toString(), "integer");
    }
    if (value instanceof Double real) {
      // Written as the plain-text answers write a REAL, so the grid reads as it did.
      return new GridCell(org.aybdb.sandbox.daemon.ValueFormat.real(real), "real");
    }
    return new GridCell((String) value, "text");
  }

  /** Whether the cell is SQL NULL (named so: {@code null} is reserved in EL). */
  public boolean isNullValue() {
    return text == null;
  }

  /** Whether the cell is a BLOB whose leading bytes can be shown in hexadecimal. */
  public boolean isBlob() {
    return hex != null;
  }

  /** The hexadecimal as byte pairs, 16 bytes a line. */
  public String getHexText() {
    if (hex == null) {
      return null;
    }
    StringBuilder pairs = new StringBuilder(hex.length() * 3 / 2);
    for (int i = 0; i + 1 < hex.length(); i += 2) {
      pairs.append(i == 0 ? "" : (i % 32 == 0 ? "\n" : " ")).append(hex, i, i + 2);
    }
    return pairs.toString();
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
