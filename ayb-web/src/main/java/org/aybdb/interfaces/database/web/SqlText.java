package org.aybdb.interfaces.database.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the web UI needs to know of SQL text without parsing it: its statements (split on semicolons
 * outside quotes and comments), the keywords they start with, and quoting of identifiers and
 * literals for the SQL the UI writes itself (the HTTP API has no bound parameters).
 */
final class SqlText {

  private static final Set<String> READS = Set.of("SELECT", "VALUES", "WITH");
  private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE");

  private SqlText() {}

  /** {@code name} as a double-quoted SQLite identifier. */
  static String identifier(String name) {
    Objects.requireNonNull(name, "name");
    return "\"" + name.replace("\u0000", "").replace("\"", "\"\"") + "\"";
  }

  /** {@code value} as a single-quoted SQLite string literal (NUL bytes dropped). */
  static String literal(String value) {
    Objects.requireNonNull(value, "value");
    return "'" + value.replace("\u0000", "").replace("'", "''") + "'";
  }

  /**
   * The single reading statement of {@code sql} without its final semicolon, when {@code sql} is
   * exactly one SELECT, VALUES or WITH ... SELECT statement; the UI may then wrap it to page, sort
   * and filter it. Null otherwise.
   */
  static String singleRead(String sql) {
    if (sql == null) {
      return null;
    }
    List<String> statements = statements(sql);
    if (statements.size() != 1) {
      return null;
    }
    String statement = statements.get(0);
    List<String> words = words(statement);
    if (words.isEmpty() || !READS.contains(words.get(0))) {
      return null;
    }
    if (words.get(0).equals("WITH") && words.stream().anyMatch(WRITES::contains)) {
      return null; // WITH ... DELETE, or a word that only looks like one: run it as typed
    }
    return statement;
  }

  /**
   * Whether the last statement writes rows and returns none (no RETURNING): the UI then asks for
   * {@code changes()} after it.
   */
  static boolean endsWithPlainWrite(String sql) {
    List<String> statements = statements(sql == null ? "" : sql);
    if (statements.isEmpty()) {
      return false;
    }
    List<String> words = words(statements.get(statements.size() - 1));
    return !words.isEmpty() && WRITES.contains(words.get(0)) && !words.contains("RETURNING");
  }

  /** The statements of {@code sql}, trimmed, without their semicolons; empty ones dropped. */
  static List<String> statements(String sql) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        i = closing(sql, i, c == '[' ? ']' : c);
      } else if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else if (c == ';') {
        add(statements, sql.substring(start, i));
        start = ++i;
      } else {
        i++;
      }
    }
    add(statements, sql.substring(start));
    return statements;
  }

  private static void add(List<String> statements, String statement) {
    if (!words(statement).isEmpty()) {
      statements.add(statement.strip());
    }
  }

  private static int closing(String sql, int open, char close) {
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == close) {
        if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
          i += 2; // a doubled quote inside the quotes
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  /** The bare words of a statement outside quotes and comments, upper-cased. */
  static List<String> words(String statement) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < statement.length()) {
      char c = statement.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        i = closing(statement, i, c == '[' ? ']' : c);
      } else if (c == '-' && statement.startsWith("--", i)) {
        int end = statement.indexOf('\n', i);
        i = end < 0 ? statement.length() : end;
      } else if (c == '/' && statement.startsWith("/*", i)) {
        int end = statement.indexOf("*/", i + 2);
        i = end < 0 ? statement.length() : end + 2;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < statement.length()
            && (Character.isLetterOrDigit(statement.charAt(end)) || statement.charAt(end) == '_')) {
          end++;
        }
        words.add(statement.substring(i, end).toUpperCase(Locale.ROOT));
        i = end;
      } else {
        i++;
      }
    }
    return words;
  }
}
