package org.aybdb.application.engine;

import java.util.function.Supplier;

/**
 * Runs SQL on hosted database files, each database behind its own sandbox boundary. Callers have
 * already checked permissions; the engine enforces only the access mode it is given.
 *
 * <p>Errors are {@link org.aybdb.application.AybException}s with ayb's types: {@code QueryError}
 * (400) for SQL errors, time limits and oversized SQL (413); {@code NoWriteAccessError} (403) for a
 * write on a read-only connection; a 503 {@code Other} when the engine can't serve (sandbox not
 * enforceable, daemon failed to start).
 */
public interface QueryEngine {

  /** Runs every statement of {@code sql} in order and answers with the last one's result. */
  QueryResult execute(DatabaseRef database, AccessMode mode, String sql);

  /**
   * Writes a consistent copy of the database ({@code VACUUM INTO}, inside its sandbox) to {@code
   * relativeTarget}, a file name below the database's current version folder that must not exist.
   */
  void copyInto(DatabaseRef database, String relativeTarget);

  /**
   * Runs {@code action} while no query runs on {@code database} and none starts; afterwards the
   * database's live daemon (if any) is retired, so the next query opens whatever {@code current}
   * then points at. Used to switch versions (restore, import) and to drop a database.
   */
  <T> T quiesced(DatabaseRef database, Supplier<T> action);

  /** One line on the engine's state for health and start-up output. */
  String status();

  /** Whether queries can be served (false when the sandbox is required but not enforceable). */
  boolean ready();
}
