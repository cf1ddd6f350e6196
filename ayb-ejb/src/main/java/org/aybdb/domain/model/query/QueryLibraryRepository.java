package org.aybdb.domain.model.query;

import java.util.List;
import java.util.Optional;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.database.HostedDatabase;

/** Where users' query history and saved queries are kept. */
public interface QueryLibraryRepository {

  /** Adds a run and drops that user's runs of that database beyond the newest {@code keep}. */
  void record(QueryRun run, Account runner, HostedDatabase database, int keep);

  /** The user's runs of the database, newest first, at most {@code max}. */
  List<QueryRun> history(Account runner, HostedDatabase database, int max);

  /** The user's saved queries of the database, by name. */
  List<SavedQuery> saved(Account owner, HostedDatabase database);

  /** One saved query of the user, by id. */
  Optional<SavedQuery> savedQuery(Account owner, long id);

  /** One saved query of the user on the database, by name. */
  Optional<SavedQuery> savedQuery(Account owner, HostedDatabase database, String name);

  /** How many queries the user saved, all databases together. */
  long savedCount(Account owner);

  SavedQuery store(SavedQuery query);

  void remove(SavedQuery query);
}
