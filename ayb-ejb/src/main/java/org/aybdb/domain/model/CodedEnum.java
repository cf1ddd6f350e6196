package org.aybdb.domain.model;

import java.util.Locale;

/**
 * An enumeration that ayb stores as a small integer and shows as a kebab-case word (for example
 * {@code read-only} = 1). Codes and words are ayb's, so both stay stable: the code is the
 * constant's position and the word its name in lower case with dashes, so an implementing enum only
 * lists its constants, in ayb's order (new ones go at the end).
 */
public interface CodedEnum {

  /** The constant's position ({@link Enum#ordinal()}). */
  int ordinal();

  /** The constant's name ({@link Enum#name()}). */
  String name();

  /** The integer stored in the metadata store. */
  default int code() {
    return ordinal();
  }

  /** The word used in headers, JSON and the CLI. */
  default String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Finds the constant with this code; a stored code we do not know is a data fault. */
  static <E extends Enum<E> & CodedEnum> E fromCode(Class<E> type, int code) {
    for (E constant : type.getEnumConstants()) {
      if (constant.code() == code) {
        return constant;
      }
    }
    throw new IllegalStateException("Unknown " + type.getSimpleName() + " code " + code);
  }

  /**
   * Finds the constant with this word, case-sensitively as ayb does.
   *
   * @throws IllegalArgumentException with ayb's message {@code Unknown value: <word>}
   */
  static <E extends Enum<E> & CodedEnum> E fromWord(Class<E> type, String word) {
    for (E constant : type.getEnumConstants()) {
      if (constant.word().equals(word)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("Unknown value: " + word);
  }
}
