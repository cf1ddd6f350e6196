package org.aybdb.application;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What ayb shows of an API token (its {@code APITokenInfo}): the short part, the database it is
 * scoped to ({@code entity/database}), its permission cap, the app it was issued to, and its UTC
 * timestamps (and, beyond ayb, when it was last used, to the minute).
 */
public record ApiTokenInfo(
    String shortToken,
    Optional<String> scopedDatabase,
    Optional<String> permissionLevel,
    Optional<String> appName,
    Optional<LocalDateTime> createdAt,
    Optional<LocalDateTime> expiresAt,
    Optional<LocalDateTime> revokedAt,
    Optional<LocalDateTime> lastUsedAt) {

  public ApiTokenInfo {
    Objects.requireNonNull(shortToken, "shortToken");
    Objects.requireNonNull(scopedDatabase, "scopedDatabase");
    Objects.requireNonNull(permissionLevel, "permissionLevel");
    Objects.requireNonNull(appName, "appName");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
  }
}
