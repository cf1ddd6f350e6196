package org.aybdb.domain.model.account;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** Whether an entity is a person or an organization. */
public enum EntityType implements CodedEnum {
  USER(0, "user"),
  ORGANIZATION(1, "organization");

  private final int code;
  private final String word;

  EntityType(int code, String word) {
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
  public static EntityType fromWord(String word) {
    return CodedEnum.fromWord(EntityType.class, word);
  }

  /** Stores the constant as its code. */
  @jakarta.persistence.Converter(autoApply = true)
  public static class Converter extends CodedEnumConverter<EntityType> {
    public Converter() {
      super(EntityType.class);
    }
  }
}
