package org.aybdb.sandbox.daemon;

/** Lexical helpers over SQL text as UTF-8 bytes. */
final class SqlText {
  private SqlText() {}

  /**
   * Skips what SQLite's tokenizer treats as no statement at all — whitespace, {@code ;}, {@code --}
   * comments and {@code /* *}{@code /} comments (an unterminated one runs to the end) — and returns
   * the offset of the next meaningful byte, or {@code sql.length}.
   */
  static int skipTrivia(byte[] sql, int from) {
    int i = from;
    while (i < sql.length) {
      byte b = sql[i];
      if (b == ' ' || (b >= 0x09 && b <= 0x0d) || b == ';') {
        i++;
      } else if (b == '-' && i + 1 < sql.length && sql[i + 1] == '-') {
        i += 2;
        while (i < sql.length && sql[i] != '\n') {
          i++;
        }
      } else if (b == '/' && i + 1 < sql.length && sql[i + 1] == '*') {
        i += 2;
        while (i < sql.length && !(sql[i] == '*' && i + 1 < sql.length && sql[i + 1] == '/')) {
          i++;
        }
        i = Math.min(sql.length, i + 2);
      } else {
        return i;
      }
    }
    return sql.length;
  }
}
