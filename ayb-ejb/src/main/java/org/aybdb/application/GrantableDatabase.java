package org.aybdb.application;

import java.io.Serializable;
import java.util.Objects;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/**
 * A database that a user may let an app query: its owner and slug, its engine, whether the user
 * owns it (else it is shared with them), and the highest level the user holds on it.
 */
public record GrantableDatabase(
    String entity, String database, String type, boolean owned, QueryPermissionLevel level)
    implements Serializable {

  public GrantableDatabase {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(level, "level");
  }

  /** {@code entity/database}, as the consent form sends it. */
  public String path() {
    return entity + "/" + database;
  }
}
