package org.aybdb.domain.model.database;

import java.util.List;
import java.util.Optional;
import org.aybdb.domain.model.account.Account;

/** Where hosted databases are kept. */
public interface HostedDatabaseRepository {

  /** All databases of {@code owner}, newest first (by id, as ayb lists them). */
  List<HostedDatabase> ownedBy(Account owner);

  /** Every hosted database, oldest first (the snapshot run walks them all). */
  List<HostedDatabase> all();

  /** The database {@code slug} (case-sensitive, as in ayb) of {@code owner}. */
  Optional<HostedDatabase> find(Account owner, String slug);

  /**
   * Stores a new database and returns it with its id assigned.
   *
   * @throws jakarta.persistence.PersistenceException when the owner already has one of that slug
   */
  HostedDatabase store(HostedDatabase database);
}
