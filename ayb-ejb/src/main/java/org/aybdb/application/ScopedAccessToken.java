package org.aybdb.application;

import java.util.Objects;

/**
 * What an app receives for its authorization code: a new API token limited to {@code database}
 * ({@code entity/database}) at {@code level} ({@code read-only} or {@code read-write}).
 */
public record ScopedAccessToken(String token, String entity, String database, String level) {

  public ScopedAccessToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(level, "level");
  }
}
