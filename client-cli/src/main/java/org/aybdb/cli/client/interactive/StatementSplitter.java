package org.aybdb.cli.client.interactive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into statements at each {@code ;} that ends one, as SQLite's shell does: a {@code
 * ;} inside a string ({@code '...'}), a quoted name ({@code "..."}, {@code `...`}, {@code [...]}),
 * a comment ({@code -- ...}, {@code /* ... *}{@code /}) or the body of a {@code CREATE TRIGGER ...
 * BEGIN ... END} does not end a statement.
 */
public final class StatementSplitter {

  /**
   * The complete statements found (each up to and including its {@code ;}, without surrounding
   * white space; statements of nothing but comments are left out) and the text after the last one.
   *
   * @param restHasSql whether the rest holds more than white space and comments
   * @param complete whether the rest holds nothing that waits for more text: no SQL, no open
   *     comment
   */
  public record Split(List<String> statements, String rest, boolean restHasSql, boolean complete) {}

  private enum State {
    CODE,
    SINGLE_QUOTE,
    DOUBLE_QUOTE,
    BACKTICK,
    BRACKET,
    LINE_COMMENT,
    BLOCK_COMMENT
  }

  private StatementSplitter() {}

  /** Whether {@code text} is nothing but complete statements, white space and comments. */
  public static boolean complete(String text) {
    return split(text).complete();
  }

  public static Split split(String text) {
    List<String> statements = new ArrayList<>();
    State state = State.CODE;
    int start = 0;
    boolean significant = false;
    List<String> leadingWords = new ArrayList<>(3);
    String lastWord = null;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      char next = i + 1 < length ? text.charAt(i + 1) : '\0';
      switch (state) {
        case SINGLE_QUOTE -> state = c == '\'' ? State.CODE : state;
        case DOUBLE_QUOTE -> state = c == '"' ? State.CODE : state;
        case BACKTICK -> state = c == '`' ? State.CODE : state;
        case BRACKET -> state = c == ']' ? State.CODE : state;
        case LINE_COMMENT -> state = c == '\n' ? State.CODE : state;
        case BLOCK_COMMENT -> {
          if (c == '*' && next == '/') {
            state = State.CODE;
            i++;
          }
        }
        case CODE -> {
          if (c == '-' && next == '-') {
            state = State.LINE_COMMENT;
            i++;
          } else if (c == '/' && next == '*') {
            state = State.BLOCK_COMMENT;
            i++;
          } else if (c == ';') {
            if (trigger(leadingWords) && !"END".equals(lastWord)) {
              lastWord = null; // a statement inside the trigger's body
              continue;
            }
            if (significant) {
              statements.add(text.substring(start, i + 1).strip());
            }
            start = i + 1;
            significant = false;
            leadingWords.clear();
            lastWord = null;
          } else if (Character.isWhitespace(c)) {
            // nothing
          } else if (Character.isLetter(c) || c == '_') {
            int end = i + 1;
            while (end < length
                && (Character.isLetterOrDigit(text.charAt(end))
                    || text.charAt(end) == '_'
                    || text.charAt(end) == '$')) {
              end++;
            }
            lastWord = text.substring(i, end).toUpperCase(Locale.ROOT);
            if (leadingWords.size() < 3) {
              leadingWords.add(lastWord);
            }
            significant = true;
            i = end - 1;
          } else {
            significant = true;
            lastWord = null;
            State quoted =
                switch (c) {
                  case '\'' -> State.SINGLE_QUOTE;
                  case '"' -> State.DOUBLE_QUOTE;
                  case '`' -> State.BACKTICK;
                  case '[' -> State.BRACKET;
                  default -> State.CODE;
                };
            if (quoted != State.CODE) {
              state = quoted;
              if (leadingWords.size() < 3) {
                leadingWords.add(""); // a quoted name or string: no keyword
              }
            }
          }
        }
      }
    }
    return new Split(
        statements,
        text.substring(start),
        significant,
        !significant && state != State.BLOCK_COMMENT);
  }

  /** {@code CREATE [TEMP|TEMPORARY] TRIGGER}. */
  private static boolean trigger(List<String> words) {
    if (words.size() < 2 || !words.get(0).equals("CREATE")) {
      return false;
    }
    String second = words.get(1);
    if (second.equals("TRIGGER")) {
      return true;
    }
    return (second.equals("TEMP") || second.equals("TEMPORARY"))
        && words.size() > 2
        && words.get(2).equals("TRIGGER");
  }
}
