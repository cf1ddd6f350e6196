package org.aybdb.application;

import java.util.List;
import java.util.Objects;
import org.aybdb.domain.model.account.ProfileLink;

/**
 * An entity's page as one caller sees it: the profile, the databases that caller may discover
 * (newest first), and whether the caller may create databases there (only the entity itself).
 * Absent profile fields are null, as ayb shows them.
 */
public record EntityProfile(
    String slug,
    String displayName,
    String description,
    String organization,
    String location,
    List<ProfileLink> links,
    List<DatabaseSummary> databases,
    boolean canCreateDatabase) {

  public EntityProfile {
    Objects.requireNonNull(slug, "slug");
    links = List.copyOf(links);
    databases = List.copyOf(databases);
  }

  /** A database in the listing: its slug and type word ({@code sqlite}, {@code duckdb}). */
  public record DatabaseSummary(String slug, String databaseType) {
    public DatabaseSummary {
      Objects.requireNonNull(slug, "slug");
      Objects.requireNonNull(databaseType, "databaseType");
    }
  }
}
