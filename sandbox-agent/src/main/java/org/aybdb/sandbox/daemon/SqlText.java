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

  /**
   * Counts the keywords {@code SELECT} and {@code TRIGGER} (any case) outside string literals,
   * quoted identifiers and comments. Each view, CTE and subquery holds a SELECT and each trigger
   * its keyword; SQLite expands chains of them recursively while preparing, so their number bounds
   * the native stack a request can make SQLite use.
   */
  static int countNestingKeywords(byte[] sql) {
    int count = 0;
    int i = 0;
    while (i < sql.length) {
      byte b = sql[i];
      if (b == '\'' || b == '"' || b == '`' || b == '[') {
        byte close = b == '[' ? (byte) ']' : b;
        i++;
        while (i < sql.length && sql[i] != close) {
          i++;
        }
        i++;
      } else if ((b == '-' && i + 1 < sql.length && sql[i + 1] == '-')
          || (b == '/' && i + 1 < sql.length && sql[i + 1] == '*')) {
        i = skipTrivia(sql, i);
      } else if (isWordByte(b)) {
        int start = i;
        while (i < sql.length && isWordByte(sql[i])) {
          i++;
        }
        if (isWord(sql, start, i, "select") || isWord(sql, start, i, "trigger")) {
          count++;
        }
      } else {
        i++;
      }
    }
    return count;
  }

  /**
   * Whether the statement at the start of {@code sql} (after trivia) begins or ends a transaction
   * or savepoint: SQLite's grammar starts every such statement with one of these keywords.
   */
  static boolean controlsTransaction(byte[] sql) {
    int start = skipTrivia(sql, 0);
    int end = start;
    while (end < sql.length && isWordByte(sql[end])) {
      end++;
    }
    for (String word :
        new String[] {"begin", "commit", "end", "rollback", "savepoint", "release"}) {
      if (isWord(sql, start, end, word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWordByte(byte b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || b == '_'
        || b == '$'
        || b < 0;
  }

  private static boolean isWord(byte[] sql, int start, int end, String lowerWord) {
    if (end - start != lowerWord.length()) {
      return false;
    }
    for (int k = 0; k < lowerWord.length(); k++) {
      if ((sql[start + k] | 0x20) != lowerWord.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
