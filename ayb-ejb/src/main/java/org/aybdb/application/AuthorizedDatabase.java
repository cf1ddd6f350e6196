package org.aybdb.application;

import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.permission.DatabaseAccess;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/**
 * A database found for a caller, with what that caller may do: {@code access} as the entity holds
 * it (what details report), {@code queryLevel} and {@code canManage} through the token in use.
 */
public record AuthorizedDatabase(
    HostedDatabase database,
    DatabaseAccess access,
    Optional<QueryPermissionLevel> queryLevel,
    boolean canManage) {

  public AuthorizedDatabase {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(queryLevel, "queryLevel");
  }

  /** {@code entity/database}. */
  public String path() {
    return database.path();
  }

  /** The engine's name for the database. */
  public DatabaseRef ref() {
    return new DatabaseRef(database.owner().slug(), database.slug(), database.type());
  }

  /** The connection mode queries run with; only meaningful when {@code queryLevel} is present. */
  public AccessMode accessMode() {
    return queryLevel.orElseThrow() == QueryPermissionLevel.READ_WRITE
        ? AccessMode.READ_WRITE
        : AccessMode.READ_ONLY;
  }
}
