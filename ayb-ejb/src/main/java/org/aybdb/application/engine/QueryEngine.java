package org.aybdb.application.engine;

import java.util.function.Supplier;

/**
 * Runs SQL on hosted database files, each database behind its own sandbox boundary. Callers have
 * already checked permissions; the engine enforces only the access mode it is given.
 *
 * <p>Errors are {@link org.aybdb.application.AybException}s with ayb's types: {@code QueryError}
 * (invalid input) for SQL errors and time limits, too large for oversized SQL; {@code
 * NoWriteAccessError} (forbidden) for a write on a read-only connection; an unavailable {@code
 * Other} when the engine can't serve (sandbox not enforceable, daemon failed to start).
 */
public interface QueryEngine {

  /** Runs every statement of {@code sql} in order and answers with the last one's result. */
  default QueryResult execute(DatabaseRef database, AccessMode mode, String sql) {
    return execute(database, mode, sql, 0);
  }

  /**
   * Like {@link #execute(DatabaseRef, AccessMode, String)}, the database file not allowed to grow
   * past {@code maxFileBytes} (0: no quota); a write past it fails with a forbidden {@code
   * QueryError}. The whole answer is collected in memory: for small results and the web UI.
   */
  default QueryResult execute(
      DatabaseRef database, AccessMode mode, String sql, long maxFileBytes) {
    return execute(database, mode, sql, maxFileBytes, Cancellation.none());
  }

  /**
   * Like {@link #execute(DatabaseRef, AccessMode, String, long)}; {@code cancellation} stops the
   * query from another thread (its daemon is killed, so SQLite rolls back what it had not
   * committed) and the call then fails with an invalid-input {@code QueryError} saying it was
   * cancelled.
   */
  default QueryResult execute(
      DatabaseRef database,
      AccessMode mode,
      String sql,
      long maxFileBytes,
      Cancellation cancellation) {
    try (QueryCursor cursor = open(database, mode, sql, maxFileBytes, cancellation)) {
      return QueryResult.collect(cursor);
    }
  }

  /**
   * Runs {@code sql} on {@code file}, a file in a version folder of {@code database} that is not
   * (yet) its current one: an uploaded file to check before it is switched in, or a scratch
   * database. It gets a sandboxed daemon of its own, kept for further calls on the same file until
   * {@link #releaseFile}. No storage quota applies, and its time limit is a copy's (10 minutes),
   * not {@code [sandbox] query_timeout}: an import's integrity check of a large valid file takes
   * longer than a query may.
   */
  QueryResult executeOnFile(
      DatabaseRef database, java.nio.file.Path file, AccessMode mode, String sql);

  /** Retires the daemon {@link #executeOnFile} started for {@code file}, if any. */
  void releaseFile(DatabaseRef database, java.nio.file.Path file);

  /**
   * Starts {@code sql} and answers with a cursor over the last statement's result, read while the
   * database is held (see {@link QueryCursor}). Errors before the first column arrive are thrown
   * here; later ones from the cursor.
   *
   * @param maxFileBytes the most the database file may grow to during this request (its owner's
   *     storage quota left); 0 for no quota
   */
  default QueryCursor open(DatabaseRef database, AccessMode mode, String sql, long maxFileBytes) {
    return open(database, mode, sql, maxFileBytes, Cancellation.none());
  }

  /** Like {@link #open(DatabaseRef, AccessMode, String, long)}, cancellable as {@link #execute}. */
  QueryCursor open(
      DatabaseRef database,
      AccessMode mode,
      String sql,
      long maxFileBytes,
      Cancellation cancellation);

  /**
   * Runs {@code batch}'s statements with their bound parameters, each with its own result, the
   * whole answer collected in memory (bounded by the row and byte caps, which span the batch).
   *
   * @param maxFileBytes as for {@link #open}
   * @throws org.aybdb.application.AybException as {@link #open}; a {@link StatementFailedException}
   *     when a statement of an atomic batch failed (nothing was kept)
   */
  default java.util.List<StatementResult> run(
      DatabaseRef database, AccessMode mode, StatementBatch batch, long maxFileBytes) {
    return run(database, mode, batch, maxFileBytes, Cancellation.none());
  }

  /**
   * Like {@link #run(DatabaseRef, AccessMode, StatementBatch, long)}, cancellable as {@link
   * #execute}.
   */
  java.util.List<StatementResult> run(
      DatabaseRef database,
      AccessMode mode,
      StatementBatch batch,
      long maxFileBytes,
      Cancellation cancellation);

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

  /**
   * This engine without the container's proxy around it (itself when there is none), for the
   * per-request query path: the same behaviour without a container call (transaction, security and
   * concurrency interceptors) on every query. The engine does not use its container context.
   */
  default QueryEngine plain() {
    return this;
  }

  /** One line on the engine's state for health and start-up output. */
  String status();

  /** Whether queries can be served (false when the sandbox is required but not enforceable). */
  boolean ready();
}
