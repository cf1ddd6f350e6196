package org.aybdb.application;

import java.util.Objects;

/**
 * Where a fork goes: the new database {@code database} of entity {@code entity}, as sent (the use
 * case lower-cases the entity and checks the database's name).
 */
public record ForkTarget(String entity, String database) {

  public ForkTarget {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(database, "database");
  }
}
