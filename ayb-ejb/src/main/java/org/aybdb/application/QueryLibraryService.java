package org.aybdb.application;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The web UI editor's memory of a user's queries on a database: the last runs (history) and named
 * saved queries. Each user sees only their own, and only while they may query the database: losing
 * access hides both. An anonymous visitor has neither (nothing of theirs is kept on the server).
 */
public interface QueryLibraryService {

  /** One run in a user's history. */
  record HistoryEntry(String sql, LocalDateTime runAt) {}

  /** One saved query; {@code id} addresses it for rename and delete. */
  record Saved(long id, String name, String sql) {}

  /**
   * Adds {@code sql} to the caller's history of the database, keeping the configured number of
   * newest runs; nothing when the history length is 0.
   *
   * @throws AybException as {@link AccessPolicy#query}
   */
  void recordRun(Caller caller, String entity, String database, String sql);

  /** The caller's runs of the database, newest first. */
  List<HistoryEntry> history(Caller caller, String entity, String database);

  /** The caller's saved queries of the database, by name. */
  List<Saved> saved(Caller caller, String entity, String database);

  /**
   * Saves {@code sql} under {@code name}; an existing query of that name gets the new SQL.
   *
   * @throws AybException Other (400) for a blank or too long name or blank SQL; Other (403) past
   *     the configured number of saved queries per user
   */
  Saved save(Caller caller, String entity, String database, String name, String sql);

  /**
   * Renames one of the caller's saved queries.
   *
   * @throws AybException RecordNotFound (404) for an id that is not the caller's on this database;
   *     Other (400) for a bad or taken name
   */
  void rename(Caller caller, String entity, String database, long id, String name);

  /** Deletes one of the caller's saved queries; RecordNotFound (404) as {@link #rename}. */
  void delete(Caller caller, String entity, String database, long id);
}
