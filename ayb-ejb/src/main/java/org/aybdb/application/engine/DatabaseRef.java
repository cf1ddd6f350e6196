package org.aybdb.application.engine;

import java.util.Objects;
import org.aybdb.domain.model.database.DatabaseType;

/**
 * A hosted database as the engine sees it: where its files live ({@code entity/database}, both as
 * stored, entity lower-case) and which engine runs it. Authorization is done before a reference is
 * made; the engine trusts it.
 */
public record DatabaseRef(String entity, String database, DatabaseType type) {

  public DatabaseRef {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(type, "type");
  }

  /** {@code entity/database}, as ayb names a database in messages. */
  public String path() {
    return entity + "/" + database;
  }
}
