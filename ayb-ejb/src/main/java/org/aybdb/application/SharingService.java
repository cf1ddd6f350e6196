package org.aybdb.application;

import java.util.List;

/** Per-entity grants on a database, handled by its owner and managers. */
public interface SharingService {

  /**
   * Grants {@code sharingLevel} ({@code read-only}, {@code read-write}, {@code manager}) to {@code
   * entityForPermission}, or removes its grant ({@code no-access}).
   *
   * @throws AybException Other (400) for a missing or unknown header value; RecordNotFound entity
   *     (404) for an unknown grantee; CantSetOwnerPermissions (403) for the owner; see {@link
   *     AccessPolicy#manage}
   */
  void share(
      Caller caller,
      String entity,
      String database,
      String entityForPermission,
      String sharingLevel);

  /** The explicit grants (the owner is not listed), in the order the grantees registered. */
  List<DatabaseGrant> permissions(Caller caller, String entity, String database);
}
