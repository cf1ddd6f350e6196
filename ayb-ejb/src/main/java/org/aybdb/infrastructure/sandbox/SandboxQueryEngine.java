package org.aybdb.infrastructure.sandbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryCursor;
import org.aybdb.application.engine.QueryEngine;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.application.port.ApplicationMetrics;
import org.aybdb.config.AybConfiguration;
import org.aybdb.infrastructure.storage.DatabaseDirectories;

/**
 * The server's {@link QueryEngine}: at start-up installs the daemon runtime under {@code
 * <data_path>/.sandbox-runtime}, verifies the sandbox (fail closed: without it, and without {@code
 * [sandbox] allow_unsandboxed}, every query gets 503), and runs a {@link PooledQueryEngine}; at
 * stop retires every daemon. Calls run concurrently (the pool serializes per database).
 */
@Singleton
@Startup
@Local(QueryEngine.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SandboxQueryEngine implements QueryEngine {

  private static final Logger LOG = Logger.getLogger(SandboxQueryEngine.class.getName());

  /** Below {@code data_path}: the daemons' jars, native library and AppCDS archives. */
  static final String RUNTIME_FOLDER = ".sandbox-runtime";

  @Inject AybConfiguration configuration;
  @Inject ApplicationMetrics registry;
  @Resource ManagedScheduledExecutorService scheduler;

  private volatile PooledQueryEngine engine;

  @PostConstruct
  void start() {
    SandboxSettings settings = SandboxSettings.from(configuration.sandbox());
    Path dataPath = configuration.dataPath().toAbsolutePath().normalize();
    Path root = dataPath.resolve(RUNTIME_FOLDER);
    long started = System.nanoTime();
    SandboxEnvironment environment;
    try {
      environment =
          SandboxEnvironment.prepare(
              settings.daemon(), settings.allowUnsandboxed(), root, root.resolve("check"));
    } catch (RuntimeException e) {
      String problem = "the query sandbox could not be checked: " + e;
      environment =
          new SandboxEnvironment(
              SandboxEnvironment.Mode.REFUSED,
              settings.daemon(),
              null,
              "refusing queries: " + problem,
              java.util.List.of(problem));
    }
    SandboxMetrics metrics = new SandboxMetrics(registry);
    PooledQueryEngine created =
        new PooledQueryEngine(
            new DatabaseDirectories(dataPath),
            environment,
            settings,
            metrics,
            scheduler,
            configuration.limits().queueWait());
    if (created.pool() != null) {
      metrics.gauges(created.pool()::liveDaemons, settings.pool().maxDaemons());
    }
    engine = created;
    long millis = (System.nanoTime() - started) / 1_000_000;
    switch (environment.mode()) {
      case SANDBOXED ->
          LOG.info(
              "Query sandbox verified in "
                  + millis
                  + " ms: "
                  + environment.status()
                  + "; up to "
                  + settings.pool().maxDaemons()
                  + " daemons");
      case UNSANDBOXED ->
          LOG.severe(
              "\n*********************************************************************\n"
                  + "* QUERIES RUN UNSANDBOXED on this server.\n"
                  + "* "
                  + environment.status()
                  + "\n*********************************************************************");
      case REFUSED ->
          LOG.severe(
              "\n*********************************************************************\n"
                  + "* QUERIES ARE REFUSED (503) on this server: fail closed.\n"
                  + "* "
                  + environment.status()
                  + "\n*********************************************************************");
    }
  }

  @PreDestroy
  void stop() {
    PooledQueryEngine current = engine;
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Retiring the query daemons failed", e);
      }
    }
  }

  @Override
  public QueryResult execute(DatabaseRef database, AccessMode mode, String sql) {
    return engine.execute(database, mode, sql);
  }

  @Override
  public QueryResult execute(DatabaseRef database, AccessMode mode, String sql, long maxFileBytes) {
    return engine.execute(database, mode, sql, maxFileBytes);
  }

  @Override
  public QueryCursor open(
      DatabaseRef database,
      AccessMode mode,
      String sql,
      long maxFileBytes,
      org.aybdb.application.engine.Cancellation cancellation) {
    return engine.open(database, mode, sql, maxFileBytes, cancellation);
  }

  @Override
  public java.util.List<org.aybdb.application.engine.StatementResult> run(
      DatabaseRef database,
      AccessMode mode,
      org.aybdb.application.engine.StatementBatch batch,
      long maxFileBytes,
      org.aybdb.application.engine.Cancellation cancellation) {
    return engine.run(database, mode, batch, maxFileBytes, cancellation);
  }

  @Override
  public QueryResult executeOnFile(DatabaseRef database, Path file, AccessMode mode, String sql) {
    return engine.executeOnFile(database, file, mode, sql);
  }

  @Override
  public void releaseFile(DatabaseRef database, Path file) {
    engine.releaseFile(database, file);
  }

  @Override
  public void copyInto(DatabaseRef database, String relativeTarget) {
    engine.copyInto(database, relativeTarget);
  }

  @Override
  public <T> T quiesced(DatabaseRef database, Supplier<T> action) {
    return engine.quiesced(database, action);
  }

  @Override
  public QueryEngine plain() {
    PooledQueryEngine current = engine;
    return current == null ? this : current;
  }

  @Override
  public String status() {
    return engine.status();
  }

  @Override
  public boolean ready() {
    return engine.ready();
  }
}
