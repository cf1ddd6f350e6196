package org.aybdb.cli.client.api;

/** Rust's {@code Debug} rendering of a string, which ayb's CLI shows for some errors. */
final class RustDebug {

  private RustDebug() {}

  /**
   * {@code "text"} with Rust's escapes for quotes, backslashes, line breaks, tabs, NUL and the
   * unprintable.
   */
  static String string(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            codePoint -> {
              switch (codePoint) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                  if (printable(codePoint)) {
                    out.appendCodePoint(codePoint);
                  } else {
                    out.append("\\u{").append(Integer.toHexString(codePoint)).append('}');
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  private static boolean printable(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.UNASSIGNED ->
          false;
      default -> true;
    };
  }
}
