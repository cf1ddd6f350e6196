package org.aybdb.infrastructure.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryCursor;
import org.aybdb.application.engine.QueryEngine;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.application.engine.SingleSelect;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.infrastructure.sandbox.pool.DaemonPool;
import org.aybdb.infrastructure.sandbox.pool.ManagedDaemonFactory;
import org.aybdb.infrastructure.sandbox.pool.PoolListener;
import org.aybdb.infrastructure.sandbox.pool.PoolUnavailableException;
import org.aybdb.infrastructure.storage.DatabaseDirectories;
import org.aybdb.sandbox.client.DaemonFailureException;
import org.aybdb.sandbox.client.DaemonQueryException;
import org.aybdb.sandbox.daemon.Engine;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;

/**
 * The {@link QueryEngine} over a {@link DaemonPool} of sandboxed daemons: a plain object, so it
 * runs and is tested without a container; {@link SandboxQueryEngine} is its EJB.
 */
public final class PooledQueryEngine implements QueryEngine, AutoCloseable {

  private final DatabaseDirectories directories;
  private final SandboxEnvironment environment;
  private final SandboxSettings settings;
  private final PoolListener listener;
  private final DaemonPool pool; // null when refused
  private final Duration queueWait;
  private final Map<String, Engine> engines = new ConcurrentHashMap<>();

  /**
   * @param directories where the hosted files are
   * @param environment the start-up decision (sandboxed, unsandboxed or refused) and runtime
   * @param settings limits and pool bounds
   * @param listener pool figures (metrics)
   * @param scheduler runs the idle sweep; null for none
   */
  public PooledQueryEngine(
      DatabaseDirectories directories,
      SandboxEnvironment environment,
      SandboxSettings settings,
      PoolListener listener,
      ScheduledExecutorService scheduler) {
    this(directories, environment, settings, listener, scheduler, settings.pool().acquireTimeout());
  }

  /**
   * @param queueWait how long a query waits for its database and a free daemon ({@code [limits]
   *     queue_wait}); then 503 with Retry-After
   */
  public PooledQueryEngine(
      DatabaseDirectories directories,
      SandboxEnvironment environment,
      SandboxSettings settings,
      PoolListener listener,
      ScheduledExecutorService scheduler,
      Duration queueWait) {
    this.queueWait = Objects.requireNonNull(queueWait, "queueWait");
    this.directories = Objects.requireNonNull(directories, "directories");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.pool =
        environment.serving()
            ? new DaemonPool(
                new ManagedDaemonFactory(
                    environment.config(),
                    environment.runtime(),
                    ProcessBuilder.Redirect.INHERIT,
                    Duration.ofSeconds(30),
                    settings.pool().prestartedLaunchers(),
                    database -> engines.getOrDefault(database, Engine.SQLITE)),
                settings.pool(),
                listener,
                scheduler)
            : null;
  }

  /** The pool (for status, metrics and tests); null when queries are refused. */
  public DaemonPool pool() {
    return pool;
  }

  /** The start-up decision. */
  public SandboxEnvironment environment() {
    return environment;
  }

  @Override
  public QueryCursor open(
      DatabaseRef database,
      AccessMode mode,
      String sql,
      long maxFileBytes,
      org.aybdb.application.engine.Cancellation cancellation) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(cancellation, "cancellation");
    return open(
        database.path(), () -> file(database), database, mode, sql, maxFileBytes, cancellation);
  }

  @Override
  public QueryResult executeOnFile(DatabaseRef database, Path file, AccessMode mode, String sql) {
    Objects.requireNonNull(database, "database");
    Path checked = fileBelow(database, file);
    // The server's own work on a whole file (an import's checks, an SQL dump's pages) gets the
    // time limit of a copy: a valid file of a gigabyte must not be refused as damaged because its
    // integrity check takes longer than a query may.
    try (QueryCursor cursor =
        open(
            fileKey(database, checked),
            () -> checked,
            database,
            mode,
            sql,
            0,
            org.aybdb.application.engine.Cancellation.none(),
            settings.copyTimeout())) {
      return QueryResult.collect(cursor);
    }
  }

  @Override
  public void releaseFile(DatabaseRef database, Path file) {
    Objects.requireNonNull(database, "database");
    if (pool == null) {
      return;
    }
    try {
      pool.retire(fileKey(database, fileBelow(database, file)));
    } catch (PoolUnavailableException e) {
      throw QueryErrors.unavailable(e);
    }
  }

  /** A file of {@code database}'s folder that is not its current one gets a daemon of its own. */
  private static String fileKey(DatabaseRef database, Path file) {
    return database.path() + "#" + file.getParent().getFileName();
  }

  /**
   * Refuses SQL longer than {@code [sandbox] max_sql_bytes} in UTF-8. A text of at most a third of
   * that many characters can't be longer (three bytes at most per char), so the common short query
   * is not encoded a second time here: the HTTP edge counted its bytes as it read them.
   */
  private void requireSqlSize(String sql) {
    if (sql.length() * 3L > settings.maxSqlBytes()) {
      requireSqlSize(sql.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  private void requireSqlSize(long size) {
    if (size > settings.maxSqlBytes()) {
      throw new AybException(
          ErrorType.QueryError,
          AybException.Kind.TOO_LARGE,
          "The SQL is " + size + " bytes long; the limit is " + settings.maxSqlBytes() + " bytes");
    }
  }

  /**
   * A daemon for {@code key}; a pool that can't give one in time counts as a failed query. A read
   * of a SQLite database may get one of its extra reader daemons (DuckDB lets one process at a time
   * open a file for writing, so its reads stay on the one daemon).
   */
  private DaemonPool.Lease lease(
      DaemonPool daemons, String key, Supplier<Path> file, DatabaseRef database, boolean reads) {
    try {
      return daemons.lease(key, file, queueWait, reads && database.type() == DatabaseType.SQLITE);
    } catch (PoolUnavailableException e) {
      listener.queried(database.path(), Duration.ZERO, "failure");
      throw QueryErrors.unavailable(e);
    }
  }

  private Path fileBelow(DatabaseRef database, Path file) {
    Path folder = directories.databaseFolder(database.entity(), database.database());
    Path checked = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    if (!checked.startsWith(folder) || checked.getNameCount() != folder.getNameCount() + 2) {
      throw new IllegalArgumentException("Not a file of a version of " + database.path());
    }
    return checked;
  }

  private QueryCursor open(
      String key,
      Supplier<Path> file,
      DatabaseRef database,
      AccessMode mode,
      String sql,
      long maxFileBytes,
      org.aybdb.application.engine.Cancellation cancellation) {
    return open(key, file, database, mode, sql, maxFileBytes, cancellation, null);
  }

  /** As above, with the time limit {@code limit} instead of {@code [sandbox] query_timeout}. */
  private QueryCursor open(
      String key,
      Supplier<Path> file,
      DatabaseRef database,
      AccessMode mode,
      String sql,
      long maxFileBytes,
      org.aybdb.application.engine.Cancellation cancellation,
      Duration limit) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(sql, "sql");
    Duration timeLimit = limit == null ? settings.queryTimeout() : limit;
    DaemonPool daemons = requirePool(database);
    requireSqlSize(sql);
    boolean quota = mode == AccessMode.READ_WRITE && maxFileBytes > 0;
    Request.Query request =
        new Request.Query(
            0,
            0,
            mode == AccessMode.READ_ONLY ? QueryMode.READ_ONLY : QueryMode.READ_WRITE,
            limit == null ? 0 : Math.toIntExact(limit.toMillis()),
            0,
            0,
            sql,
            quota ? maxFileBytes : 0);
    boolean readOnly = mode == AccessMode.READ_ONLY;
    // A read-write caller's single SELECT cannot write, so it may take one of the database's
    // reader daemons as a read-only request does (still in read-write mode, so its connection and
    // policy are the same): an owner's reads then run beside each other instead of queueing on
    // the writer. Anything else of a read-write caller goes to the writer.
    boolean reads = readOnly || SingleSelect.is(sql);
    Supplier<DaemonPool.Lease> leases = () -> lease(daemons, key, file, database, reads);
    // A read-only query whose daemon died before any row was handed out is run once more on a
    // fresh daemon: it changed nothing. A read-write one is never repeated (it may have committed).
    return new DaemonQueryCursor(
        leases.get(),
        readOnly ? leases : null,
        request,
        SandboxSettings.clientTimeout(timeLimit),
        database.path(),
        timeLimit.toMillis(),
        quota,
        listener,
        cancellation);
  }

  @Override
  public List<org.aybdb.application.engine.StatementResult> run(
      DatabaseRef database,
      AccessMode mode,
      org.aybdb.application.engine.StatementBatch batch,
      long maxFileBytes,
      org.aybdb.application.engine.Cancellation cancellation) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(cancellation, "cancellation");
    DaemonPool daemons = requirePool(database);
    if (database.type() == DatabaseType.DUCKDB) {
      // Parameters, typed results and batches are built on SQLite's API in the daemon so far.
      throw new AybException(
          ErrorType.QueryError,
          AybException.Kind.INVALID_INPUT,
          "JSON query bodies (parameters, typed results, batches) are not supported for duckdb"
              + " databases yet; send the SQL as the raw body");
    }
    requireSqlSize(batch.sqlBytes());
    boolean readOnly = mode == AccessMode.READ_ONLY;
    boolean quota = !readOnly && maxFileBytes > 0;
    Request.Batch request = DaemonBatch.request(batch, readOnly, quota ? maxFileBytes : 0);
    int frame = org.aybdb.sandbox.protocol.FrameCodec.encodedSize(request);
    if (frame > org.aybdb.sandbox.protocol.FrameCodec.maxRequestFrame(settings.maxSqlBytes())) {
      throw new AybException(
          ErrorType.QueryError,
          AybException.Kind.TOO_LARGE,
          "The statements and their parameters take "
              + frame
              + " bytes; the limit is about twice [sandbox] max_sql_bytes");
    }
    long started = System.nanoTime();
    // As for a single query: a read-write caller's batch of SELECTs only may take a reader.
    DaemonPool.Lease lease =
        lease(
            daemons,
            database.path(),
            () -> file(database),
            database,
            readOnly || batch.onlySelects());
    String outcome = "failure";
    // A cancel kills the daemon running the batch, as the deadline does.
    cancellation.onCancel(lease::cancel);
    try {
      List<org.aybdb.application.engine.StatementResult> results =
          DaemonBatch.run(lease.daemon(), request, settings.clientTimeout());
      outcome = "ok";
      return results;
    } catch (DaemonQueryException e) {
      outcome = "error";
      AybException mapped = quota ? QueryErrors.ofWithQuota(e, database.path()) : QueryErrors.of(e);
      throw DaemonBatch.failure(mapped, e, batch.atomic());
    } catch (DaemonFailureException e) {
      lease.dropDaemon(false);
      if (cancellation.isCancelled()) {
        throw new AybException(
            ErrorType.QueryError, AybException.Kind.INVALID_INPUT, DaemonQueryCursor.CANCELLED);
      }
      throw !readOnly && QueryErrors.diedDuring(e)
          ? QueryErrors.outcomeUnknown(e, database.path())
          : QueryErrors.ofQuery(e, database.path(), settings.queryTimeout().toMillis(), !readOnly);
    } finally {
      cancellation.clear();
      lease.close();
      listener.queried(database.path(), Duration.ofNanos(System.nanoTime() - started), outcome);
    }
  }

  @Override
  public void copyInto(DatabaseRef database, String relativeTarget) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(relativeTarget, "relativeTarget");
    DaemonPool daemons = requirePool(database);
    Duration limit = settings.copyTimeout();
    try {
      daemons.withDaemon(
          database.path(),
          () -> file(database),
          daemon -> {
            daemon.vacuumInto(
                relativeTarget, Math.toIntExact(limit.toMillis()), limit.plusSeconds(30));
            return null;
          });
    } catch (DaemonQueryException e) {
      throw new AybException(
          ErrorType.Other,
          e.kind() == org.aybdb.sandbox.protocol.ErrorKind.STORAGE_FULL
              ? AybException.Kind.STORAGE_FULL
              : AybException.Kind.INTERNAL,
          "Cannot copy " + database.path() + ": " + e.errorMessage());
    } catch (DaemonFailureException e) {
      throw QueryErrors.of(e, database.path(), limit.toMillis());
    } catch (PoolUnavailableException e) {
      throw QueryErrors.unavailable(e);
    }
  }

  @Override
  public <T> T quiesced(DatabaseRef database, Supplier<T> action) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(action, "action");
    if (pool == null) {
      // No daemon can run, so nothing to wait for.
      return action.get();
    }
    try {
      return pool.quiesced(database.path(), action);
    } catch (PoolUnavailableException e) {
      throw QueryErrors.unavailable(e);
    }
  }

  @Override
  public String status() {
    String base =
        switch (environment.mode()) {
          case SANDBOXED -> "sandboxed: " + environment.status();
          case UNSANDBOXED, REFUSED -> environment.status();
        };
    if (pool == null) {
      return base;
    }
    return base + "; daemons " + pool.liveDaemons() + "/" + settings.pool().maxDaemons();
  }

  @Override
  public boolean ready() {
    return environment.serving();
  }

  /** Retires every daemon; afterwards queries are refused. */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }

  private DaemonPool requirePool(DatabaseRef database) {
    if (pool == null) {
      throw QueryErrors.unavailable("Queries are refused: " + environment.status());
    }
    if (database.type() == DatabaseType.DUCKDB && !environment.runtime().duckdbAvailable()) {
      throw new AybException(
          ErrorType.QueryError,
          AybException.Kind.INVALID_INPUT,
          "Database type duckdb is not supported by this server (no DuckDB library for this"
              + " platform)");
    }
    // Remembered for the factory: the daemon it starts for this database runs this engine. Read
    // first: a write on every query would make concurrent queries contend for the map's entry.
    Engine engine = database.type() == DatabaseType.DUCKDB ? Engine.DUCKDB : Engine.SQLITE;
    if (engines.get(database.path()) != engine) {
      engines.put(database.path(), engine);
    }
    return pool;
  }

  private Path file(DatabaseRef database) {
    return directories
        .currentFile(database.entity(), database.database())
        .orElseThrow(() -> AybException.recordNotFound(database.path(), "database"));
  }

  /** Process ids of the pool's daemons (tests, diagnostics). */
  public List<Long> daemonPids() {
    return pool == null ? List.of() : pool.pids();
  }
}
