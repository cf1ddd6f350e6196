package org.aybdb.domain.model.database;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** The engine of a hosted database. */
public enum DatabaseType implements CodedEnum {
  SQLITE(0, "sqlite"),
  DUCKDB(1, "duckdb");

  private final int code;
  private final String word;

  DatabaseType(int code, String word) {
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
  public static DatabaseType fromWord(String word) {
    return CodedEnum.fromWord(DatabaseType.class, word);
  }

  /** Stores the constant as its code. */
  @jakarta.persistence.Converter(autoApply = true)
  public static class Converter extends CodedEnumConverter<DatabaseType> {
    public Converter() {
      super(DatabaseType.class);
    }
  }
}
