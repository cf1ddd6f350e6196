package org.aybdb.domain.model.permission;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** Whether queries run on a read-only or a read-write connection. */
public enum QueryPermissionLevel implements CodedEnum {
  // ayb's codes are the positions (0 read-only, 1 read-write): append, never reorder.
  READ_ONLY,
  READ_WRITE;

  /** Parses ayb's word, e.g. from a header. */
  public static QueryPermissionLevel fromWord(String word) {
    return CodedEnum.fromWord(QueryPermissionLevel.class, word);
  }

  /** Stores the constant as its code. */
  @jakarta.persistence.Converter(autoApply = true)
  public static class Converter extends CodedEnumConverter<QueryPermissionLevel> {
    public Converter() {
      super(QueryPermissionLevel.class);
    }
  }
}
