package org.aybdb.infrastructure.sandbox;

import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.infrastructure.sandbox.pool.PoolUnavailableException;
import org.aybdb.sandbox.client.DaemonFailureException;
import org.aybdb.sandbox.client.DaemonQueryException;

/** Maps what the daemons and the pool report onto ayb's errors with fitting HTTP statuses. */
final class QueryErrors {

  /** ayb's message for a write on a read-only connection. */
  static final String READ_ONLY_MESSAGE = "Attempted to write to database while in read-only mode";

  private static final int SQLITE_FULL = 13;

  /** How long a caller refused because every daemon or its database was busy should wait. */
  static final java.time.Duration BUSY_RETRY = java.time.Duration.ofSeconds(1);

  private QueryErrors() {}

  /** The daemon answered an error: the caller's SQL (or its data) is at fault, never the server. */
  static AybException of(DaemonQueryException e) {
    return switch (e.kind()) {
      case READ_ONLY ->
          new AybException(
              ErrorType.NoWriteAccessError, AybException.Kind.FORBIDDEN, READ_ONLY_MESSAGE);
      case SQL_TOO_LARGE ->
          new AybException(ErrorType.QueryError, AybException.Kind.TOO_LARGE, e.errorMessage());
      // The SQL is well-formed but asks for a function, pragma, ATTACH or module the daemon's
      // allow-lists refuse (to this caller's access level, or to everyone).
      case NOT_AUTHORIZED ->
          new AybException(ErrorType.QueryError, AybException.Kind.FORBIDDEN, e.errorMessage());
      case SQL,
          TIMEOUT,
          VALUE_NOT_UTF8,
          TRANSACTION_LEFT_OPEN,
          STORAGE_FULL,
          BAD_REQUEST,
          UNSUPPORTED ->
          new AybException(ErrorType.QueryError, AybException.Kind.INVALID_INPUT, e.errorMessage());
      case INTERNAL ->
          new AybException(
              ErrorType.Other,
              AybException.Kind.INTERNAL,
              "The query daemon failed: " + e.errorMessage());
    };
  }

  /**
   * Like {@link #of(DaemonQueryException)} for a request bounded by its owner's storage quota:
   * SQLite's "database or disk is full" then means the write would pass the quota (403).
   */
  static AybException ofWithQuota(DaemonQueryException e, String database) {
    if (e.kind() == org.aybdb.sandbox.protocol.ErrorKind.STORAGE_FULL
        && (e.error().sqliteCode() & 0xff) == SQLITE_FULL) {
      return new AybException(
          ErrorType.QueryError,
          AybException.Kind.FORBIDDEN,
          "Storage quota exceeded: this write would take the databases of "
              + database.substring(0, Math.max(0, database.indexOf('/')))
              + " past their quota ([limits] max_bytes_per_entity); the failing statement was"
              + " rolled back");
    }
    return of(e);
  }

  /** The daemon died or stopped answering during the request; the next request gets a new one. */
  static AybException of(DaemonFailureException e, String database, long timeoutMillis) {
    return switch (e.reason()) {
      case TIMEOUT ->
          new AybException(
              ErrorType.QueryError,
              AybException.Kind.INVALID_INPUT,
              "Query did not finish within "
                  + timeoutMillis
                  + " ms and its daemon stopped answering; it was stopped");
      case START_FAILED ->
          unavailable("The query daemon for " + database + " could not be started");
      case DIED, PROTOCOL ->
          unavailable(
              "The query daemon for "
                  + database
                  + " stopped during the request ("
                  + e.getMessage()
                  + "); it changed nothing and may be repeated");
    };
  }

  /**
   * Like {@link #of(DaemonFailureException, String, long)} for a query: a query stopped at the
   * client deadline is the caller's time limit (400, as the daemon's own timeout answer). Killing
   * the daemon mid-write leaves the running statement uncommitted (SQLite rolls back what was not
   * committed when the file is next opened), but statements of the same request that had already
   * finished in autocommit mode stay committed, so a read-write caller is told so.
   */
  static AybException ofQuery(
      DaemonFailureException e, String database, long timeoutMillis, boolean readWrite) {
    if (e.reason() != DaemonFailureException.Reason.TIMEOUT) {
      return of(e, database, timeoutMillis);
    }
    return new AybException(
        ErrorType.QueryError,
        AybException.Kind.INVALID_INPUT,
        "Query exceeded the time limit of "
            + timeoutMillis
            + " ms and was stopped"
            + (readWrite
                ? "; the statement running then was not committed, but any earlier statement of"
                    + " this request that finished outside a transaction was"
                : ""));
  }

  /**
   * The pool cannot serve now (busy past the wait, or the database backing off after crashes): 503
   * with Retry-After, ayb's {@code Other}.
   */
  static AybException unavailable(PoolUnavailableException e) {
    return AybException.unavailable(
        e.getMessage(), e.retryAfter().isZero() ? BUSY_RETRY : e.retryAfter());
  }

  /** Whether the daemon died or broke the protocol while it had the request. */
  static boolean diedDuring(DaemonFailureException e) {
    return e.reason() == DaemonFailureException.Reason.DIED
        || e.reason() == DaemonFailureException.Reason.PROTOCOL;
  }

  /**
   * A read-write request whose daemon died while it had it: the write may or may not have
   * committed, so the answer says so rather than invite a blind repeat (which could apply it
   * twice).
   */
  static AybException outcomeUnknown(DaemonFailureException e, String database) {
    return unavailable(
        "The query daemon for "
            + database
            + " stopped during this read-write request ("
            + e.getMessage()
            + "); its outcome is unknown: the write may have been committed. Check the data"
            + " before repeating it");
  }

  /** The engine cannot serve now (503, ayb's {@code Other}). */
  static AybException unavailable(String message) {
    return new AybException(ErrorType.Other, AybException.Kind.UNAVAILABLE, message);
  }
}
