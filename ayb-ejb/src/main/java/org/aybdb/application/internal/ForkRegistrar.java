package org.aybdb.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.HostedDatabaseRepository;
import org.aybdb.domain.model.database.PublicSharingLevel;

/**
 * Records a fork in the metadata in a transaction of its own, after its copy is made: the copy
 * (which can take long) holds no metadata transaction.
 */
@Stateless
public class ForkRegistrar {

  @Inject HostedDatabaseRepository databases;

  /**
   * Stores {@code owner/slug}, private, as a fork of {@code source}.
   *
   * @throws jakarta.persistence.PersistenceException when it exists meanwhile
   */
  public void register(Account owner, String slug, DatabaseType type, String source) {
    HostedDatabase fork = new HostedDatabase(owner, slug, type, PublicSharingLevel.NO_ACCESS);
    fork.markForkedFrom(source);
    databases.store(fork);
  }
}
