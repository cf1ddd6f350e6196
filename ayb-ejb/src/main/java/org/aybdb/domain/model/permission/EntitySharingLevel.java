package org.aybdb.domain.model.permission;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** What one named entity may do with a database; no-access is never stored. */
public enum EntitySharingLevel implements CodedEnum {
  // ayb's codes are the positions (0 no-access, 1 read-only, 2 read-write, 3 manager): append,
  // never reorder.
  NO_ACCESS,
  READ_ONLY,
  READ_WRITE,
  MANAGER;

  /** Parses ayb's word, e.g. from a header. */
  public static EntitySharingLevel fromWord(String word) {
    return CodedEnum.fromWord(EntitySharingLevel.class, word);
  }

  /** Stores the constant as its code. */
  @jakarta.persistence.Converter(autoApply = true)
  public static class Converter extends CodedEnumConverter<EntitySharingLevel> {
    public Converter() {
      super(EntitySharingLevel.class);
    }
  }
}
