package org.aybdb.application;

import java.util.Objects;

/** ayb's answer to a create: {@code entity}, {@code database}, {@code database_type}. */
public record CreatedDatabase(String entity, String database, String databaseType) {
  public CreatedDatabase {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(databaseType, "databaseType");
  }
}
