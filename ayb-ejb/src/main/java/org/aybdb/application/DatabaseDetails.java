package org.aybdb.application;

import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/**
 * A database as one caller sees it (ayb's details, plus the database it was forked from). {@code
 * highestQueryAccessLevel} is the entity's own access, not limited by the token in use, as in ayb.
 */
public record DatabaseDetails(
    String entitySlug,
    String databaseSlug,
    String databaseType,
    Optional<QueryPermissionLevel> highestQueryAccessLevel,
    boolean canManageDatabase,
    String publicSharingLevel,
    Optional<String> forkedFrom) {

  public DatabaseDetails {
    Objects.requireNonNull(entitySlug, "entitySlug");
    Objects.requireNonNull(databaseSlug, "databaseSlug");
    Objects.requireNonNull(databaseType, "databaseType");
    Objects.requireNonNull(highestQueryAccessLevel, "highestQueryAccessLevel");
    Objects.requireNonNull(publicSharingLevel, "publicSharingLevel");
    Objects.requireNonNull(forkedFrom, "forkedFrom");
  }
}
