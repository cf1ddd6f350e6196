package org.aybdb.infrastructure.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.aybdb.application.AybException;
import org.aybdb.application.engine.QueryCursor;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.infrastructure.sandbox.pool.DaemonPool;
import org.aybdb.infrastructure.sandbox.pool.PoolListener;
import org.aybdb.sandbox.client.DaemonFailureException;
import org.aybdb.sandbox.client.DaemonQueryException;
import org.aybdb.sandbox.protocol.Response;

/**
 * A query answer read frame by frame from the daemon while its database is leased: one batch of
 * rows (at most about 64 KiB of cell text, or one larger row) in memory at a time. Closing before
 * the end abandons the answer: the daemon is killed (draining a large answer could take as long as
 * producing it) and the next request gets a fresh one; SQLite rolls back whatever the unfinished
 * statement had not committed.
 */
final class DaemonQueryCursor implements QueryCursor {

  private final DaemonPool.Lease lease;
  private final long id;
  private final long deadlineNanos;
  private final String database;
  private final long timeoutMillis;
  private final boolean quota;
  private final PoolListener listener;
  private final long started = System.nanoTime();
  private List<String> fields;
  private QueryResult.Truncation truncation = QueryResult.Truncation.NONE;
  private int statements;
  private boolean ended;
  private boolean failed;
  private boolean closed;
  private String outcome = "failure";

  /**
   * Sends the query on the lease's daemon and reads up to its columns.
   *
   * @param quota whether the request carries a storage quota (its "disk full" is the quota's)
   */
  DaemonQueryCursor(
      DaemonPool.Lease lease,
      org.aybdb.sandbox.protocol.Request.Query request,
      Duration timeout,
      String database,
      long timeoutMillis,
      boolean quota,
      PoolListener listener) {
    this.lease = Objects.requireNonNull(lease, "lease");
    this.database = database;
    this.timeoutMillis = timeoutMillis;
    this.quota = quota;
    this.listener = listener;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    try {
      this.id = lease.daemon().sendQuery(request, timeout);
      Response first = next();
      if (!(first instanceof Response.Columns columns)) {
        throw fail(
            new DaemonFailureException(
                DaemonFailureException.Reason.PROTOCOL, "expected COLUMNS, got " + first, null));
      }
      fields = columns.names();
    } catch (DaemonFailureException e) {
      throw fail(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public List<String> fields() {
    return fields;
  }

  @Override
  public List<List<String>> nextRows() {
    if (ended) {
      return null;
    }
    try {
      Response r = next();
      if (r instanceof Response.Rows rows) {
        return rows.rows();
      }
      if (r instanceof Response.End end) {
        ended = true;
        outcome = "ok";
        truncation = truncation(end.truncation());
        statements = end.statements();
        close();
        return null;
      }
      throw fail(
          new DaemonFailureException(
              DaemonFailureException.Reason.PROTOCOL, "unexpected answer to a query: " + r, null));
    } catch (DaemonFailureException e) {
      throw fail(e);
    }
  }

  @Override
  public QueryResult.Truncation truncation() {
    return truncation;
  }

  @Override
  public int statements() {
    return statements;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!ended) {
        // Failed (the daemon is dead already) or abandoned half-read (kill it: see above).
        lease.dropDaemon(!failed);
      }
      listener.queried(database, Duration.ofNanos(System.nanoTime() - started), outcome);
    } finally {
      lease.close();
    }
  }

  /** The next frame; an error answer ends the request (the daemon stays usable). */
  private Response next() throws DaemonFailureException {
    try {
      return lease.daemon().nextQueryFrame(id, deadlineNanos);
    } catch (DaemonQueryException e) {
      ended = true;
      outcome = "error";
      close();
      throw quota ? QueryErrors.ofWithQuota(e, database) : QueryErrors.of(e);
    }
  }

  private AybException fail(DaemonFailureException e) {
    failed = true;
    lease.dropDaemon(false);
    close();
    return QueryErrors.of(e, database, timeoutMillis);
  }

  private static QueryResult.Truncation truncation(org.aybdb.sandbox.protocol.Truncation t) {
    return switch (t) {
      case NONE -> QueryResult.Truncation.NONE;
      case ROWS -> QueryResult.Truncation.ROWS;
      case BYTES -> QueryResult.Truncation.BYTES;
    };
  }
}
