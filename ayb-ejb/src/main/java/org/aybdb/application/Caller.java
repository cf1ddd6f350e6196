package org.aybdb.application;

import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/**
 * Who is calling: the entity behind a valid API token, and that token's limits. An OAuth token is
 * scoped to one database and capped at a query permission level; a token from e-mail confirmation
 * has neither.
 */
public record Caller(
    long entityId,
    String slug,
    String shortToken,
    Optional<Long> scopedDatabaseId,
    Optional<QueryPermissionLevel> tokenCap) {

  public Caller {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(shortToken, "shortToken");
    Objects.requireNonNull(scopedDatabaseId, "scopedDatabaseId");
    Objects.requireNonNull(tokenCap, "tokenCap");
  }
}
