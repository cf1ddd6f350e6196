package org.aybdb.domain.model.database;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** What everyone, signed in or not, may do with a database. */
public enum PublicSharingLevel implements CodedEnum {
  NO_ACCESS(0, "no-access"),
  FORK(1, "fork"),
  READ_ONLY(2, "read-only");

  private final int code;
  private final String word;

  PublicSharingLevel(int code, String word) {
    this.code = code;
    this.word = word;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public String word() {
    return word;
  }

  /** Parses ayb's word, e.g. from a header. */
  public static PublicSharingLevel fromWord(String word) {
    return CodedEnum.fromWord(PublicSharingLevel.class, word);
  }

  /** Stores the constant as its code. */
  @jakarta.persistence.Converter(autoApply = true)
  public static class Converter extends CodedEnumConverter<PublicSharingLevel> {
    public Converter() {
      super(PublicSharingLevel.class);
    }
  }
}
