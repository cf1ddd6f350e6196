package org.aybdb.infrastructure.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.Cancellation;
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
 *
 * <p>A daemon that dies under a read-only request before any row was handed out is replaced and the
 * request sent once more (it changed nothing). A read-write request is never repeated: its answer
 * then says the outcome is unknown, since the write may have committed before the death.
 */
final class DaemonQueryCursor implements QueryCursor {

  /** The error message of a cancelled query. */
  static final String CANCELLED = "The query was cancelled";

  private volatile DaemonPool.Lease lease;
  private final Cancellation cancellation;
  private final Supplier<DaemonPool.Lease> retryLeases;
  private final org.aybdb.sandbox.protocol.Request.Query request;
  private final Duration timeout;
  private long id;
  private long deadlineNanos;
  private boolean rowsHandedOut;
  private boolean retried;
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
   * @param retryLeases where a fresh lease comes from to repeat a read-only request whose daemon
   *     died; null for a read-write request (never repeated)
   * @param quota whether the request carries a storage quota (its "disk full" is the quota's)
   */
  DaemonQueryCursor(
      DaemonPool.Lease lease,
      Supplier<DaemonPool.Lease> retryLeases,
      org.aybdb.sandbox.protocol.Request.Query request,
      Duration timeout,
      String database,
      long timeoutMillis,
      boolean quota,
      PoolListener listener,
      Cancellation cancellation) {
    this.lease = Objects.requireNonNull(lease, "lease");
    this.retryLeases = retryLeases;
    this.request = Objects.requireNonNull(request, "request");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.database = database;
    this.timeoutMillis = timeoutMillis;
    this.quota = quota;
    this.listener = listener;
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    // A cancel kills whichever daemon holds the request then; it is what the deadline does too.
    cancellation.onCancel(() -> this.lease.cancel());
    start();
  }

  /** Sends the request on the current lease's daemon and reads up to its columns. */
  private void start() {
    deadlineNanos = System.nanoTime() + timeout.toNanos();
    try {
      id = lease.daemon().sendQuery(request, timeout);
      Response first = next();
      if (!(first instanceof Response.Columns columns)) {
        throw fail(
            new DaemonFailureException(
                DaemonFailureException.Reason.PROTOCOL, "expected COLUMNS, got " + first, null));
      }
      fields = columns.names();
    } catch (DaemonFailureException e) {
      if (!repeatAfter(e)) {
        throw fail(e);
      }
      start();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Whether the request may be sent again after {@code e}; if so, the dead daemon is dropped and a
   * fresh lease taken.
   */
  private boolean repeatAfter(DaemonFailureException e) {
    if (cancellation.isCancelled()
        || retryLeases == null
        || retried
        || rowsHandedOut
        || !QueryErrors.diedDuring(e)) {
      return false;
    }
    retried = true;
    lease.dropDaemon(false);
    lease.close();
    try {
      lease = retryLeases.get();
    } catch (RuntimeException refused) {
      closed = true; // the old lease is given back; the supplier has counted the failure
      throw refused;
    }
    return true;
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
        rowsHandedOut = true;
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
      if (!repeatAfter(e)) {
        throw fail(e);
      }
      start();
      return nextRows();
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
    cancellation.clear();
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
    if (cancellation.isCancelled()) {
      return new AybException(ErrorType.QueryError, AybException.Kind.INVALID_INPUT, CANCELLED);
    }
    boolean readWrite = retryLeases == null;
    return readWrite && QueryErrors.diedDuring(e)
        ? QueryErrors.outcomeUnknown(e, database)
        : QueryErrors.ofQuery(e, database, timeoutMillis, readWrite);
  }

  private static QueryResult.Truncation truncation(org.aybdb.sandbox.protocol.Truncation t) {
    return DaemonBatch.truncation(t);
  }
}
