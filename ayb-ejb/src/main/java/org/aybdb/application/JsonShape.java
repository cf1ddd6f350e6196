package org.aybdb.application;

import java.util.Objects;
import java.util.Optional;

/**
 * Checks the outline of a JSON text before a tree parser sees it, in one flat pass: how deeply its
 * arrays and objects nest (a recursive parser overflows the stack on a few thousand {@code [}), how
 * many values they hold (a tree of a million small numbers takes tens of megabytes, from a body of
 * two), and whether anything but whitespace follows the first value (some parsers stop reading
 * there and accept the text).
 */
public final class JsonShape {

  private JsonShape() {}

  /**
   * What is wrong with {@code text}'s outline, if anything.
   *
   * @return a message for the client, or empty when the nesting is at most {@code maxDepth} and
   *     nothing follows the value; other syntax errors are left to the parser
   */
  public static Optional<String> problem(CharSequence text, int maxDepth) {
    return problem(text, maxDepth, Integer.MAX_VALUE);
  }

  /**
   * As {@link #problem(CharSequence, int)}, and also refusing arrays and objects that hold more
   * than {@code maxValues} elements and members together (counted as their commas and openings).
   */
  public static Optional<String> problem(CharSequence text, int maxDepth, int maxValues) {
    Objects.requireNonNull(text, "text");
    long values = 0;
    int depth = 0;
    boolean inString = false;
    boolean started = false;
    int length = text.length();
    int i = 0;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
          if (depth == 0) {
            i++;
            break;
          }
        }
        continue;
      }
      if (c == '"') {
        inString = true;
        started = true;
      } else if (c == '[' || c == '{' || c == ',') {
        if (++values > maxValues) {
          return Optional.of("the JSON holds more than " + maxValues + " values");
        }
        if (c == ',') {
          continue;
        }
        started = true;
        if (++depth > maxDepth) {
          return Optional.of("JSON nesting is deeper than " + maxDepth + " levels");
        }
      } else if (c == ']' || c == '}') {
        depth--;
        if (depth <= 0) {
          i++;
          break;
        }
      } else if (!isWhitespace(c)) {
        started = true;
        if (depth == 0 && (i + 1 == length || isDelimiter(text.charAt(i + 1)))) {
          i++;
          break; // the end of a top-level number or literal
        }
      }
    }
    for (; i < length; i++) {
      if (!isWhitespace(text.charAt(i))) {
        return started ? Optional.of("unexpected content after the JSON value") : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isDelimiter(char c) {
    return isWhitespace(c) || c == '[' || c == '{' || c == '"' || c == ']' || c == '}';
  }
}
