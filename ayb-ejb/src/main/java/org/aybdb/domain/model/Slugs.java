package org.aybdb.domain.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * ayb's rules for the names of entities and databases: not empty, at most 128 bytes, not {@code .}
 * or {@code ..}, and only ASCII letters, digits, {@code -}, {@code _} and {@code .}. The messages
 * are ayb's, word for word.
 */
public final class Slugs {

  /** The longest slug, in UTF-8 bytes. */
  public static final int MAX_BYTES = 128;

  /** What a slug names; its word appears in the messages. */
  public enum Kind {
    ENTITY("entity"),
    DATABASE("database");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  private Slugs() {}

  /**
   * {@code text} with only the ASCII letters A-Z lower-cased. Slugs are ASCII, and a full Unicode
   * lower-casing would fold other characters onto them (the Kelvin sign U+212A becomes {@code k}):
   * here such characters stay, and the text matches no slug.
   */
  public static String lowerCase(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder folded = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (folded == null) {
          folded = new StringBuilder(text);
        }
        folded.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return folded == null ? text : folded.toString();
  }

  /** The first rule {@code slug} breaks, as ayb words it, or empty if it is a valid slug. */
  public static Optional<String> problem(Kind kind, String slug) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(slug, "slug");
    String name = kind.word();
    if (slug.isEmpty()) {
      return Optional.of("A " + name + " slug can't be empty");
    }
    int bytes = slug.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return Optional.of(
          "A "
              + name
              + " slug can't be longer than "
              + MAX_BYTES
              + " bytes, but this one is "
              + bytes
              + " bytes");
    }
    if (slug.equals(".") || slug.equals("..")) {
      return Optional.of("Invalid " + name + " slug: " + slug);
    }
    if (!allowedCharacters(slug)) {
      return Optional.of(
          "Invalid "
              + name
              + " slug: "
              + slug
              + ". Only letters, numbers, underscores, hyphens, and periods are allowed");
    }
    return Optional.empty();
  }

  /**
   * Whether {@code text} holds only the characters a slug may (ASCII letters, digits, {@code -},
   * {@code _}, {@code .}); says nothing of its length or of {@code .} and {@code ..}.
   */
  public static boolean allowedCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!allowed(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allowed(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.';
  }
}
