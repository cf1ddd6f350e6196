package org.aybdb.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.AccessPolicy;
import org.aybdb.application.AuthorizedDatabase;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.DatabaseGrant;
import org.aybdb.application.ErrorType;
import org.aybdb.application.Requested;
import org.aybdb.application.SharingService;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.permission.DatabasePermission;
import org.aybdb.domain.model.permission.DatabasePermissionRepository;
import org.aybdb.domain.model.permission.EntitySharingLevel;

/**
 * {@link SharingService}, in ayb's order: the database, the sharing level, the grantee, the owner's
 * own permission (refused even to non-managers, as ayb), then the caller's right to manage.
 */
@Stateless
public class DefaultSharingService implements SharingService {

  @Inject AccountRepository accounts;
  @Inject DatabasePermissionRepository permissions;
  @Inject AccessPolicy access;
  @Inject UsernameSuggestionThrottle suggestionThrottle;

  @Override
  public void share(
      Caller caller,
      String entity,
      String database,
      Requested<String> entityForPermission,
      Requested<EntitySharingLevel> sharingLevel) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(entityForPermission, "entityForPermission");
    Objects.requireNonNull(sharingLevel, "sharingLevel");
    AuthorizedDatabase found = access.discover(Optional.of(caller), entity, database);
    EntitySharingLevel level = sharingLevel.required();
    String granteeSlug = entityForPermission.required().strip().toLowerCase(Locale.ROOT);
    Account grantee =
        accounts
            .find(granteeSlug)
            .orElseThrow(() -> AybException.recordNotFound(granteeSlug, "entity"));
    HostedDatabase hosted = found.database();
    if (grantee.id().equals(hosted.owner().id())) {
      throw new AybException(
          ErrorType.CantSetOwnerPermissions,
          AybException.Kind.FORBIDDEN,
          grantee.slug() + " owns " + hosted.path() + ", so their permissions can't be changed");
    }
    access.manage(caller, entity, database, "set permissions for");
    Optional<DatabasePermission> existing = permissions.find(grantee.id(), hosted);
    if (level == EntitySharingLevel.NO_ACCESS) {
      existing.ifPresent(permissions::remove);
    } else if (existing.isPresent()) {
      existing.get().setSharingLevel(level);
    } else {
      permissions.store(new DatabasePermission(grantee, hosted, level));
    }
  }

  @Override
  public List<DatabaseGrant> permissions(Caller caller, String entity, String database) {
    AuthorizedDatabase found = access.manage(caller, entity, database, "list permissions for");
    return permissions.on(found.database()).stream()
        .map(grant -> new DatabaseGrant(grant.grantee().slug(), grant.sharingLevel().word()))
        .toList();
  }

  @Override
  public List<String> suggestGrantees(
      Caller caller, String entity, String database, String prefix) {
    Objects.requireNonNull(caller, "caller");
    String start = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
    if (start.length() < SUGGEST_MIN_PREFIX) {
      return List.of();
    }
    AuthorizedDatabase found = access.manage(caller, entity, database, "share");
    suggestionThrottle.admit(caller.slug());
    String owner = found.database().owner().slug();
    return accounts.slugsStartingWith(start, SUGGEST_MAX + 1).stream()
        .filter(slug -> !slug.equals(owner))
        .limit(SUGGEST_MAX)
        .toList();
  }
}
