package org.aybdb.sandbox.protocol;

import java.util.List;
import java.util.Objects;

/** A message from the server to a daemon. Every request carries an id that its answer repeats. */
public sealed interface Request
    permits Request.Query, Request.Batch, Request.Ping, Request.VacuumInto, Request.Shutdown {

  /** The id chosen by the client; the daemon's answer frames carry the same id. */
  long id();

  /**
   * Run {@code sql} (one or more statements, all of them in order) and return the last statement's
   * result.
   *
   * @param sessionId 0 for a stateless request (the only kind implemented). Reserved for the
   *     sessions/transactions feature: a non-zero id will name a connection the daemon keeps across
   *     requests (opened and closed by future OPEN_SESSION/CLOSE_SESSION requests).
   * @param timeoutMillis the per-query time limit inside the daemon (0 = the daemon's default)
   * @param maxRows at most this many rows are returned (0 = the daemon's default)
   * @param maxBytes at most about this many bytes of cell text are returned (0 = the daemon's
   *     default)
   * @param maxFileBytes the database file may not grow past this during the request (the owner's
   *     storage quota left; {@code PRAGMA max_page_count} on the read-write connection); 0 = no
   *     quota
   */
  record Query(
      long id,
      long sessionId,
      QueryMode mode,
      int timeoutMillis,
      int maxRows,
      int maxBytes,
      String sql,
      long maxFileBytes)
      implements Request {
    public Query {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(sql, "sql");
      if (timeoutMillis < 0 || maxRows < 0 || maxBytes < 0 || maxFileBytes < 0) {
        throw new IllegalArgumentException("limits must not be negative");
      }
    }

    /** A query without a storage quota. */
    public Query(
        long id,
        long sessionId,
        QueryMode mode,
        int timeoutMillis,
        int maxRows,
        int maxBytes,
        String sql) {
      this(id, sessionId, mode, timeoutMillis, maxRows, maxBytes, sql, 0);
    }

    /** A stateless query with the daemon's default limits. */
    public static Query of(long id, QueryMode mode, String sql) {
      return new Query(id, 0, mode, 0, 0, 0, sql);
    }
  }

  /**
   * Run statements with bound parameters, each its own result. Answered, for each statement in
   * order, by {@link Response.Columns} and {@link Response.Rows} (or, when {@code typed}, {@link
   * Response.TypedColumns} and {@link Response.TypedRows}) and a {@link Response.StatementEnd};
   * then {@link Response.End}. Each statement's SQL must be one SQL statement.
   *
   * @param atomic run all statements in one transaction: any failure rolls every one back (the
   *     error names the failing statement); statements that begin or end transactions are refused
   * @param typed answer with typed frames (declared types, storage classes)
   * @param maxRows at most this many rows over all statements (0 = the daemon's default)
   * @param maxBytes at most about this many bytes of JSON over all statements (0 = default)
   */
  record Batch(
      long id,
      QueryMode mode,
      int timeoutMillis,
      int maxRows,
      int maxBytes,
      long maxFileBytes,
      boolean typed,
      boolean atomic,
      List<Statement> statements)
      implements Request {
    public Batch {
      Objects.requireNonNull(mode, "mode");
      statements = List.copyOf(statements);
      if (timeoutMillis < 0 || maxRows < 0 || maxBytes < 0 || maxFileBytes < 0) {
        throw new IllegalArgumentException("limits must not be negative");
      }
    }

    /** The same batch under another id. */
    public Batch withId(long newId) {
      return new Batch(
          newId, mode, timeoutMillis, maxRows, maxBytes, maxFileBytes, typed, atomic, statements);
    }
  }

  /** Validation: the daemon answers {@link Response.Pong} at once. */
  record Ping(long id) implements Request {}

  /**
   * {@code VACUUM INTO} a new file inside the database's own directory (for snapshots).
   *
   * @param target a relative path below the database's directory, without {@code ..}; the file must
   *     not exist yet
   */
  record VacuumInto(long id, int timeoutMillis, String target) implements Request {
    public VacuumInto {
      Objects.requireNonNull(target, "target");
    }
  }

  /** Close the database and exit; the daemon answers {@link Response.Ok} first. */
  record Shutdown(long id) implements Request {}
}
