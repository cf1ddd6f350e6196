package org.aybdb.domain.model.database;

import java.util.List;
import org.aybdb.domain.model.account.Account;

/** Where hosted databases are kept. */
public interface HostedDatabaseRepository {

  /** All databases of {@code owner}, newest first (by id, as ayb lists them). */
  List<HostedDatabase> ownedBy(Account owner);
}
