package org.aybdb.application.engine;

/**
 * Recognizes, without parsing, SQL that is certainly one SQLite {@code SELECT} statement, which
 * cannot write to its database. A read-write query of that shape needs no storage quota (so the
 * owner's point query does not measure every file the owner stores first), and it may run on one of
 * the database's reader daemons (so an owner's reads do not queue behind each other).
 *
 * <p>The test errs towards "no": the text must begin with the keyword {@code SELECT} (after
 * whitespace only; a leading comment or {@code WITH}, which may start an {@code INSERT}, does not
 * count), and any {@code ;} in it must be followed by nothing but {@code ;} and whitespace. SQLite
 * needs a {@code ;} between two statements, so such a text holds one statement at most (a {@code ;}
 * inside a string or comment also gives "no", which costs only the measurement).
 */
public final class SingleSelect {

  private static final String KEYWORD = "select";

  private SingleSelect() {}

  /** Whether {@code sql} is certainly one {@code SELECT} statement. */
  public static boolean is(String sql) {
    int n = sql.length();
    int start = 0;
    while (start < n && isSpace(sql.charAt(start))) {
      start++;
    }
    int end = start + KEYWORD.length();
    if (end > n || !sql.regionMatches(true, start, KEYWORD, 0, KEYWORD.length())) {
      return false;
    }
    if (end < n && isIdentifierPart(sql.charAt(end))) {
      return false; // SELECTX, SELECT_ ...: not the keyword
    }
    int semicolon = sql.indexOf(';', end);
    if (semicolon < 0) {
      return true;
    }
    for (int i = semicolon; i < n; i++) {
      char c = sql.charAt(i);
      if (c != ';' && !isSpace(c)) {
        return false;
      }
    }
    return true;
  }

  /** The characters SQLite's tokenizer skips as white space. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  /** SQLite lets an identifier go on with letters, digits, '_', '$' and any non-ASCII character. */
  private static boolean isIdentifierPart(char c) {
    return c >= 0x80 || Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
