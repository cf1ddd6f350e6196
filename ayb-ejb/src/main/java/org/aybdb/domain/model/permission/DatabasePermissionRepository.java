package org.aybdb.domain.model.permission;

import java.util.Map;
import org.aybdb.domain.model.account.Account;

/** Where grants of databases to entities are kept. */
public interface DatabasePermissionRepository {

  /** The grants {@code grantee} holds on databases of {@code owner}, by database id. */
  Map<Long, EntitySharingLevel> grantsOn(Account owner, Account grantee);
}
