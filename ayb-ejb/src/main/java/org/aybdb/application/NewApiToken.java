package org.aybdb.application;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/**
 * What a user asks for on the tokens page: a name, optionally one database ({@code entity/slug})
 * the token is limited to at most at {@code level} (as an OAuth app's token is), and optionally
 * when it expires (UTC).
 */
public record NewApiToken(
    String name,
    Optional<String> database,
    QueryPermissionLevel level,
    Optional<LocalDateTime> expiresAt) {

  /** The longest name the metadata store keeps. */
  public static final int MAX_NAME_LENGTH = 255;

  public NewApiToken {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
