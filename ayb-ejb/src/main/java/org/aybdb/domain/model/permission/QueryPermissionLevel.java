package org.aybdb.domain.model.permission;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** Whether queries run on a read-only or a read-write connection. */
public enum QueryPermissionLevel implements CodedEnum {
  READ_ONLY(0, "read-only"),
  READ_WRITE(1, "read-write");

  private final int code;
  private final String word;

  QueryPermissionLevel(int code, String word) {
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
