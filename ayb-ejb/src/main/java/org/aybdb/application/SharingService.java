package org.aybdb.application;

import java.util.List;
import org.aybdb.domain.model.permission.EntitySharingLevel;

/** Per-entity grants on a database, handled by its owner and managers. */
public interface SharingService {

  /**
   * Grants {@code sharingLevel} ({@code read-only}, {@code read-write}, {@code manager}) to {@code
   * entityForPermission}, or removes its grant ({@code no-access}).
   *
   * @throws AybException in this order: RecordNotFound (404) for a database the caller may not see;
   *     Other (400) for a missing or unknown sharing level, then a missing grantee; RecordNotFound
   *     entity (404) for an unknown grantee; CantSetOwnerPermissions (403) for the owner; see
   *     {@link AccessPolicy#manage}
   */
  void share(
      Caller caller,
      String entity,
      String database,
      Requested<String> entityForPermission,
      Requested<EntitySharingLevel> sharingLevel);

  /** The explicit grants (the owner is not listed), in the order the grantees registered. */
  List<DatabaseGrant> permissions(Caller caller, String entity, String database);

  /**
   * Usernames (slugs only) starting with {@code prefix}, for the username field of the sharing
   * form: at least {@link #SUGGEST_MIN_PREFIX} characters, at most {@link #SUGGEST_MAX} names,
   * never the owner, and only to those who may manage the database.
   *
   * @throws AybException 429 past {@code [limits] username_suggestions_per_minute} for the caller
   */
  List<String> suggestGrantees(Caller caller, String entity, String database, String prefix);

  int SUGGEST_MIN_PREFIX = 2;
  int SUGGEST_MAX = 8;
}
