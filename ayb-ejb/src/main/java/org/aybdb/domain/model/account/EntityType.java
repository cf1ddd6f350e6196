package org.aybdb.domain.model.account;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** Whether an entity is a person or an organization. */
public enum EntityType implements CodedEnum {
  // ayb's codes are the positions (0 user, 1 organization): append, never reorder.
  USER,
  ORGANIZATION;

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
