package org.aybdb.sandbox.daemon;

/**
 * What a result costs as ayb's JSON ({@code "rows": [["a", null], ...]}), the measure of the
 * daemon's byte cap: every cell is a JSON string or {@code null} followed by a comma, every row
 * adds its brackets. Exact for the server's writer, which escapes only {@code "}, {@code \} and
 * control characters and writes other UTF-8 as is.
 */
final class JsonCost {

  /** A row's {@code [} and {@code ]} (its cells' commas are counted with the cells). */
  static final int ROW = 2;

  /** {@code null,} */
  static final int NULL_CELL = 5;

  /** A string cell's quotes and comma, before its content. */
  static final int STRING_CELL = 3;

  private JsonCost() {}

  /** The cost of a string cell holding the UTF-8 bytes {@code text[0..n)}, comma included. */
  static long string(byte[] text, int n) {
    long cost = STRING_CELL + (long) n;
    for (int i = 0; i < n; i++) {
      int b = text[i];
      if (b >= 0 && b < 0x20) {
        cost += b == '\b' || b == '\f' || b == '\n' || b == '\r' || b == '\t' ? 1 : 5;
      } else if (b == '"' || b == '\\') {
        cost += 1;
      }
    }
    return cost;
  }
}
