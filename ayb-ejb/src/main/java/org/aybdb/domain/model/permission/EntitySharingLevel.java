package org.aybdb.domain.model.permission;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** What one named entity may do with a database; no-access is never stored. */
public enum EntitySharingLevel implements CodedEnum {
  NO_ACCESS(0, "no-access"),
  READ_ONLY(1, "read-only"),
  READ_WRITE(2, "read-write"),
  MANAGER(3, "manager");

  private final int code;
  private final String word;

  EntitySharingLevel(int code, String word) {
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
