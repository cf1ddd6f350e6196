package org.aybdb.interfaces.database.web;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A table or view of a hosted database as the schema sidebar shows it.
 *
 * @param type {@code table} or {@code view}
 * @param rowCount its rows; null for views and when not counted
 */
public record SchemaTable(
    String name, String type, List<Column> columns, List<String> indexes, Long rowCount)
    implements Serializable {

  public SchemaTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    columns = List.copyOf(columns);
    indexes = List.copyOf(indexes);
  }

  /** A column: name, declared type (may be empty), part of the primary key, NOT NULL. */
  public record Column(String name, String type, boolean primaryKey, boolean notNull)
      implements Serializable {}

  SchemaTable withRowCount(Long rows) {
    return new SchemaTable(name, type, columns, indexes, rows);
  }

  /** The index names, comma-separated. */
  public String getIndexNames() {
    return String.join(", ", indexes);
  }

  public boolean isView() {
    return type.equals("view");
  }
}
