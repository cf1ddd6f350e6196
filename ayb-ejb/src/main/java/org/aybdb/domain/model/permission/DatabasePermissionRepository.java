package org.aybdb.domain.model.permission;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.database.HostedDatabase;

/** Where grants of databases to entities are kept. */
public interface DatabasePermissionRepository {

  /** The grants {@code grantee} holds on databases of {@code owner}, by database id. */
  Map<Long, EntitySharingLevel> grantsOn(Account owner, Account grantee);

  /** The grant of the entity with id {@code granteeId} on {@code database}, if any. */
  Optional<DatabasePermission> find(long granteeId, HostedDatabase database);

  /** Every grant on {@code database}, in the order the grantees registered. */
  List<DatabasePermission> on(HostedDatabase database);

  /** Stores a new grant. */
  DatabasePermission store(DatabasePermission permission);

  /** Deletes a grant. */
  void remove(DatabasePermission permission);

  /** The grants {@code grantee} holds, on anybody's databases. */
  List<DatabasePermission> heldBy(Account grantee);
}
