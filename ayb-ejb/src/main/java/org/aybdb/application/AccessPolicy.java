package org.aybdb.application;

import java.util.List;
import java.util.Optional;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.database.HostedDatabase;

/**
 * Who may do what with a hosted database: the one place where endpoints find a database for a
 * caller and refuse, with ayb's messages and our statuses. The rules themselves are {@link
 * org.aybdb.domain.model.permission.DatabaseAccess}.
 *
 * <p>Statuses: a database that does not exist and one the caller may not discover get the same 404
 * {@code RecordNotFound} (nothing is revealed); a known caller who may discover it but lacks the
 * right gets 403 {@code Other "Authenticated entity <caller> can't <action> database <e>/<d>"}.
 * Entity names are compared case-insensitively (they are stored lower-case).
 */
public interface AccessPolicy {

  /** The {@code action} word of {@link #manage} for snapshots: "can't manage snapshots on". */
  String MANAGE_SNAPSHOTS = "manage snapshots on";

  /**
   * {@code entity/database} as {@code caller} (empty: anonymous) may see it.
   *
   * @throws AybException RecordNotFound (404) when it does not exist or is not discoverable
   */
  AuthorizedDatabase discover(Optional<Caller> caller, String entity, String database);

  /**
   * {@code entity/database} for an owner or manager.
   *
   * @param action what the caller wants, as ayb words it after "can't": {@code update}, {@code set
   *     permissions for}, {@code list permissions for}, {@link #MANAGE_SNAPSHOTS}
   * @throws AybException RecordNotFound (404) as {@link #discover}; Other (403) for anyone else
   */
  AuthorizedDatabase manage(Caller caller, String entity, String database, String action);

  /**
   * {@code entity/database} for a query, with the highest access the caller's token allows. An
   * anonymous caller may query only a public read-only database (read-only).
   *
   * @throws AybException Unauthorized (401) for an anonymous caller on any other database (missing
   *     ones included); RecordNotFound (404) as {@link #discover}; Other (403) for a known caller
   *     without query access
   */
  AuthorizedDatabase query(Optional<Caller> caller, String entity, String database);

  /** The databases of {@code owner} that {@code caller} may discover, newest first. */
  List<HostedDatabase> discoverable(Optional<Caller> caller, Account owner);
}
