package org.aybdb.domain.model.database;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** What everyone, signed in or not, may do with a database. */
public enum PublicSharingLevel implements CodedEnum {
  // ayb's codes are the positions (0 no-access, 1 fork, 2 read-only): append, never reorder.
  NO_ACCESS,
  FORK,
  READ_ONLY;

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
