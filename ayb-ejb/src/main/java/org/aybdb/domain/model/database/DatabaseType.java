package org.aybdb.domain.model.database;

import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.CodedEnumConverter;

/** The engine of a hosted database. */
public enum DatabaseType implements CodedEnum {
  // ayb's codes are the positions (0 sqlite, 1 duckdb): append, never reorder.
  SQLITE,
  DUCKDB;

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
