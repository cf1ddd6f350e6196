package org.aybdb.domain.model.permission;

import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.database.PublicSharingLevel;

/**
 * What one caller may do with one hosted database: ayb's sharing rules (listed below) in one place.
 * Every endpoint, the entity page and snapshots decide through it.
 *
 * <ul>
 *   <li>The <b>owner</b> may do everything; nobody can change that.
 *   <li>A <b>grant</b> gives read-only or read-write queries; {@code manager} is read-write plus
 *       managing (public level, grants, snapshots).
 *   <li>The <b>public level</b> applies to everyone, signed in or not: {@code fork} makes the
 *       database discoverable (listed, details) but not queryable; whoever signed in may discover a
 *       database may fork it; {@code read-only} lets anyone run read-only queries.
 *   <li>The highest of public level and grant wins.
 *   <li>An API token scoped to one database (OAuth) queries only that database, at most at its cap,
 *       and manages nothing (ayb lets such a token manage; an app given a query token should not be
 *       able to change sharing).
 * </ul>
 *
 * @param queryLevel the highest query access without any token limit (what details report)
 * @param canManage whether the caller may update the database, share it and handle its snapshots
 * @param canDiscover whether the caller may learn that the database exists
 */
public record DatabaseAccess(
    Optional<QueryPermissionLevel> queryLevel, boolean canManage, boolean canDiscover) {

  /** No access at all: the database is not revealed. */
  public static final DatabaseAccess NONE = new DatabaseAccess(Optional.empty(), false, false);

  public DatabaseAccess {
    Objects.requireNonNull(queryLevel, "queryLevel");
  }

  /** The owner's access. */
  public static DatabaseAccess owner() {
    return new DatabaseAccess(Optional.of(QueryPermissionLevel.READ_WRITE), true, true);
  }

  /**
   * The access of someone who is not the owner.
   *
   * @param publicLevel the database's public sharing level
   * @param grant the caller's grant, empty for none and for anonymous callers
   */
  public static DatabaseAccess of(
      PublicSharingLevel publicLevel, Optional<EntitySharingLevel> grant) {
    Objects.requireNonNull(publicLevel, "publicLevel");
    Objects.requireNonNull(grant, "grant");
    EntitySharingLevel granted = grant.orElse(EntitySharingLevel.NO_ACCESS);
    Optional<QueryPermissionLevel> byGrant =
        switch (granted) {
          case MANAGER, READ_WRITE -> Optional.of(QueryPermissionLevel.READ_WRITE);
          case READ_ONLY -> Optional.of(QueryPermissionLevel.READ_ONLY);
          case NO_ACCESS -> Optional.empty();
        };
    Optional<QueryPermissionLevel> byPublic =
        publicLevel == PublicSharingLevel.READ_ONLY
            ? Optional.of(QueryPermissionLevel.READ_ONLY)
            : Optional.empty();
    return new DatabaseAccess(
        highest(byGrant, byPublic),
        granted == EntitySharingLevel.MANAGER,
        granted != EntitySharingLevel.NO_ACCESS || publicLevel != PublicSharingLevel.NO_ACCESS);
  }

  /**
   * The query access through a particular token: none when the token is scoped to another database,
   * else at most the token's cap.
   *
   * @param databaseId this database's id
   * @param tokenScope the database the token is scoped to, if any
   * @param tokenCap the token's query permission cap, if any
   */
  public Optional<QueryPermissionLevel> queryLevelThrough(
      long databaseId, Optional<Long> tokenScope, Optional<QueryPermissionLevel> tokenCap) {
    Objects.requireNonNull(tokenScope, "tokenScope");
    Objects.requireNonNull(tokenCap, "tokenCap");
    if (tokenScope.isPresent() && tokenScope.get() != databaseId) {
      return Optional.empty();
    }
    return queryLevel.map(level -> tokenCap.filter(cap -> cap.code() < level.code()).orElse(level));
  }

  /** Whether the caller may manage the database through a token with this scope. */
  public boolean canManageThrough(Optional<Long> tokenScope) {
    return canManage && Objects.requireNonNull(tokenScope, "tokenScope").isEmpty();
  }

  private static Optional<QueryPermissionLevel> highest(
      Optional<QueryPermissionLevel> a, Optional<QueryPermissionLevel> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().code() >= b.get().code() ? a : b;
  }
}
