package org.aybdb.infrastructure.sandbox.pool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aybdb.sandbox.client.DaemonFailureException;
import org.aybdb.sandbox.client.DaemonProcess;
import org.aybdb.sandbox.client.DaemonQueryException;
import org.aybdb.sandbox.client.QueryResult;
import org.aybdb.sandbox.protocol.Request;

/**
 * The managed connection of the pool: one daemon process serving one database file. Created by
 * {@link ManagedDaemonFactory}, owned by {@link DaemonPool}, used by one request at a time.
 */
public final class ManagedDaemon {

  private final String database;
  private final Path file;
  private final DaemonProcess process;
  private final long createdNanos;
  private volatile long lastUsedNanos;
  // Set when the pool retires it, so its exit is not counted as a crash.
  private final AtomicBoolean retiring = new AtomicBoolean();
  // Its slot under the pool's bound is given back exactly once.
  private final AtomicBoolean released = new AtomicBoolean();

  ManagedDaemon(String database, Path file, DaemonProcess process) {
    this.database = Objects.requireNonNull(database, "database");
    this.file = Objects.requireNonNull(file, "file");
    this.process = Objects.requireNonNull(process, "process");
    this.createdNanos = System.nanoTime();
    this.lastUsedNanos = createdNanos;
  }

  /** The database this daemon serves ({@code entity/database}). */
  public String database() {
    return database;
  }

  /** The database file it opened. */
  public Path file() {
    return file;
  }

  /** Its process id. */
  public long pid() {
    return process.pid();
  }

  /** The daemon's sandbox status as it reported it at start. */
  public String sandboxStatus() {
    return process.hello().sandboxStatus();
  }

  /** The engine's version as the daemon reported it at start (e.g. {@code sqlite 3.40.1}). */
  public String engineVersion() {
    return process.hello().engineVersion();
  }

  /** Whether the process runs and no request has failed on it. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Runs a query on the daemon. */
  public QueryResult query(Request.Query request, Duration timeout)
      throws DaemonQueryException, DaemonFailureException {
    return process.query(request, timeout);
  }

  /** Sends a query whose answer is read with {@link #nextQueryFrame} (streaming). */
  public long sendQuery(Request.Query request, Duration timeout) throws DaemonFailureException {
    return process.sendQuery(request, timeout);
  }

  /** Sends a batch whose answer is read with {@link #nextQueryFrame}. */
  public long sendBatch(Request.Batch batch, Duration timeout) throws DaemonFailureException {
    return process.sendBatch(batch, timeout);
  }

  /** The next frame of query {@code id} (columns, rows or end); an error answer is thrown. */
  public org.aybdb.sandbox.protocol.Response nextQueryFrame(long id, long deadlineNanos)
      throws DaemonQueryException, DaemonFailureException {
    return process.nextQueryFrame(id, deadlineNanos);
  }

  /** {@code VACUUM INTO} a new file below the database's folder. */
  public void vacuumInto(String target, int timeoutMillis, Duration timeout)
      throws DaemonQueryException, DaemonFailureException {
    process.vacuumInto(target, timeoutMillis, timeout);
  }

  void ping(Duration timeout) throws DaemonFailureException {
    process.ping(timeout);
  }

  Duration idle() {
    return Duration.ofNanos(System.nanoTime() - lastUsedNanos);
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }

  void touch() {
    lastUsedNanos = System.nanoTime();
  }

  DaemonProcess process() {
    return process;
  }

  boolean markRetiring() {
    return retiring.compareAndSet(false, true);
  }

  boolean isRetiring() {
    return retiring.get();
  }

  boolean markReleased() {
    return released.compareAndSet(false, true);
  }

  /** Asks it to exit (kills it after {@code grace}); returns once the process is gone. */
  void shutdown(Duration grace) {
    markRetiring();
    process.shutdown(grace);
  }

  /**
   * Asks it to exit (killed after {@code grace}) and returns at once: a daemon evicted to make room
   * does not delay the one that takes its place.
   */
  void shutdownInBackground(Duration grace) {
    markRetiring();
    process.shutdownInBackground(grace);
  }

  /** Kills it (SIGKILL) and waits for the process to be gone (a crash unless marked retiring). */
  void kill() {
    process.close();
  }

  @Override
  public String toString() {
    return "daemon " + pid() + " of " + database;
  }
}
