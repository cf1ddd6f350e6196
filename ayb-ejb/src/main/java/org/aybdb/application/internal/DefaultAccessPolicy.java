package org.aybdb.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.AccessPolicy;
import org.aybdb.application.AuthorizedDatabase;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.ErrorType;
import org.aybdb.domain.model.Slugs;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.HostedDatabaseRepository;
import org.aybdb.domain.model.permission.DatabaseAccess;
import org.aybdb.domain.model.permission.DatabasePermission;
import org.aybdb.domain.model.permission.DatabasePermissionRepository;
import org.aybdb.domain.model.permission.EntitySharingLevel;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/** {@link AccessPolicy} over the metadata store. */
@Stateless
public class DefaultAccessPolicy implements AccessPolicy {

  /** What an anonymous caller hears where a token is needed, as on every bearer-only endpoint. */
  static final String TOKEN_NEEDED =
      "Missing Authorization header: expected `Bearer <token>` with an API token";

  @Inject AccountRepository accounts;
  @Inject HostedDatabaseRepository databases;
  @Inject DatabasePermissionRepository permissions;

  @Override
  public AuthorizedDatabase discover(Optional<Caller> caller, String entity, String database) {
    return find(caller, entity, database)
        .filter(found -> found.access().canDiscover())
        .orElseThrow(() -> notFound(entity, database));
  }

  @Override
  public AuthorizedDatabase manage(Caller caller, String entity, String database, String action) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(action, "action");
    AuthorizedDatabase found = discover(Optional.of(caller), entity, database);
    if (!found.canManage()) {
      throw refused(caller, action, found);
    }
    return found;
  }

  @Override
  public AuthorizedDatabase query(Optional<Caller> caller, String entity, String database) {
    Objects.requireNonNull(caller, "caller");
    if (caller.isEmpty()) {
      // Same answer whether the database exists or not: only public read-only ones are open.
      return find(caller, entity, database)
          .filter(found -> found.queryLevel().isPresent())
          .orElseThrow(
              () ->
                  new AybException(
                      ErrorType.Unauthorized, AybException.Kind.UNAUTHENTICATED, TOKEN_NEEDED));
    }
    AuthorizedDatabase found = discover(caller, entity, database);
    if (found.queryLevel().isEmpty()) {
      throw refused(caller.get(), "query", found);
    }
    return found;
  }

  @Override
  public List<HostedDatabase> discoverable(Optional<Caller> caller, Account owner) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(owner, "owner");
    Optional<Long> callerId = caller.map(Caller::entityId);
    Map<Long, EntitySharingLevel> grants =
        caller.isEmpty() || callerId.get().equals(owner.id())
            ? Map.of()
            : accounts
                .find(caller.get().slug())
                .map(viewer -> permissions.grantsOn(owner, viewer))
                .orElse(Map.of());
    return databases.ownedBy(owner).stream()
        .filter(
            database ->
                database
                    .accessOf(callerId, Optional.ofNullable(grants.get(database.id())))
                    .canDiscover())
        .toList();
  }

  private Optional<AuthorizedDatabase> find(
      Optional<Caller> caller, String entity, String database) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(database, "database");
    return accounts
        .find(Slugs.lowerCase(entity))
        .flatMap(owner -> databases.find(owner, database))
        .map(found -> authorize(caller, found));
  }

  private AuthorizedDatabase authorize(Optional<Caller> caller, HostedDatabase database) {
    Optional<Long> callerId = caller.map(Caller::entityId);
    Optional<EntitySharingLevel> grant =
        callerId
            .flatMap(id -> permissions.find(id, database))
            .map(DatabasePermission::sharingLevel);
    DatabaseAccess access = database.accessOf(callerId, grant);
    Optional<Long> scope = caller.flatMap(Caller::scopedDatabaseId);
    Optional<QueryPermissionLevel> cap = caller.flatMap(Caller::tokenCap);
    return new AuthorizedDatabase(
        database,
        access,
        access.queryLevelThrough(database.id(), scope, cap),
        access.canManageThrough(scope));
  }

  private static AybException notFound(String entity, String database) {
    return AybException.recordNotFound(Slugs.lowerCase(entity) + "/" + database, "database");
  }

  private static AybException refused(Caller caller, String action, AuthorizedDatabase found) {
    return new AybException(
        ErrorType.Other,
        AybException.Kind.FORBIDDEN,
        "Authenticated entity " + caller.slug() + " can't " + action + " database " + found.path());
  }
}
