package org.aybdb.infrastructure.sandbox.pool;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Logger;
import org.aybdb.sandbox.client.DaemonFailureException;
import org.aybdb.sandbox.client.DaemonProcess;
import org.aybdb.sandbox.daemon.Engine;
import org.aybdb.sandbox.launcher.SandboxCommand;
import org.aybdb.sandbox.launcher.SandboxConfig;
import org.aybdb.sandbox.launcher.SandboxRuntime;

/**
 * The managed connection factory: starts a sandboxed daemon for a database file (the first stage
 * applies the sandbox, then execs the daemon JVM) and tells whether a daemon matches a request.
 *
 * <p>The first stage's JVM start is half of a daemon's start-up, and it does not depend on the
 * database until its last step. So a few first stages are started ahead of need ({@code [sandbox]
 * prestarted_launchers}): each loads itself and waits on its stdin, unsandboxed like any first
 * stage before its last step, holding no rule yet, in a server-owned folder, knowing no database. A
 * new daemon takes one and sends it the database's part of the command ({@link
 * SandboxCommand#assignment}); only then does it apply the sandbox — the very policy a daemon
 * started from nothing gets, Landlock bound to that database's folder — and exec the daemon JVM.
 * Nothing a tenant controls reaches a first stage before its sandbox applies, and each serves one
 * database once. Waiting ones exit when the server goes (their stdin closes).
 */
public final class ManagedDaemonFactory implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ManagedDaemonFactory.class.getName());

  private final SandboxConfig config;
  private final SandboxRuntime runtime;
  private final ProcessBuilder.Redirect stderr;
  private final Duration startTimeout;
  private final int prestarted;
  private final ConcurrentLinkedQueue<Process> waiting = new ConcurrentLinkedQueue<>();
  private final ExecutorService starter;
  private final AtomicBoolean warned = new AtomicBoolean();
  private volatile boolean closed;
  private final Function<String, Engine> engines;

  /**
   * @param config the sandbox and limits every daemon gets
   * @param runtime the installed jars, native library and AppCDS archives
   * @param stderr where daemons' diagnostics go (the server's own stderr, or a log file)
   * @param startTimeout how long a daemon may take to say hello
   */
  public ManagedDaemonFactory(
      SandboxConfig config,
      SandboxRuntime runtime,
      ProcessBuilder.Redirect stderr,
      Duration startTimeout) {
    this(config, runtime, stderr, startTimeout, 0);
  }

  /**
   * @param prestarted how many first stages to keep started ahead of need (0: none)
   */
  public ManagedDaemonFactory(
      SandboxConfig config,
      SandboxRuntime runtime,
      ProcessBuilder.Redirect stderr,
      Duration startTimeout,
      int prestarted) {
    this(config, runtime, stderr, startTimeout, prestarted, database -> Engine.SQLITE);
  }

  /**
   * As above, with the engine of each database ({@code entity/database} to its engine); a daemon
   * serves one file of one engine for its whole life.
   */
  public ManagedDaemonFactory(
      SandboxConfig config,
      SandboxRuntime runtime,
      ProcessBuilder.Redirect stderr,
      Duration startTimeout,
      int prestarted,
      Function<String, Engine> engines) {
    this.engines = Objects.requireNonNull(engines, "engines");
    this.config = Objects.requireNonNull(config, "config");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.stderr = Objects.requireNonNull(stderr, "stderr");
    this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
    if (prestarted < 0) {
      throw new IllegalArgumentException("prestarted must not be negative");
    }
    this.prestarted = prestarted;
    this.starter =
        prestarted == 0
            ? null
            : Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "ayb-sandbox-prestart");
                  t.setDaemon(true);
                  return t;
                });
    refill();
  }

  /** The configuration daemons are started with. */
  public SandboxConfig config() {
    return config;
  }

  /**
   * Starts a daemon for {@code file} (a canonical path inside its version folder; the file itself
   * may not exist yet) and waits for its hello.
   */
  public ManagedDaemon create(String database, Path file) throws DaemonFailureException {
    Engine engine = engines.apply(database);
    // A pre-started first stage has SQLite's policy: a DuckDB daemon is started on its own.
    Process ready = engine == Engine.SQLITE ? takeWaiting() : null;
    DaemonProcess process;
    try {
      process =
          ready != null
              ? DaemonProcess.assign(
                  ready, SandboxCommand.assignment(config, runtime, file), startTimeout)
              : DaemonProcess.start(
                  SandboxCommand.daemon(config, runtime, file, engine),
                  file.getParent(),
                  stderr,
                  startTimeout);
    } finally {
      // The replacement first stage starts once this daemon has said hello (or failed): started
      // earlier, its JVM would compete for the CPU with the daemon a request is waiting for.
      refill();
    }
    String status = process.hello().sandboxStatus();
    if (config.sandboxed() && !status.startsWith("sandboxed")) {
      // Defence in depth: never serve from a daemon that says it runs outside its sandbox.
      process.close();
      throw new DaemonFailureException(
          DaemonFailureException.Reason.START_FAILED,
          "the daemon reports \"" + status + "\" instead of a sandbox",
          null);
    }
    return new ManagedDaemon(database, file, process);
  }

  /** Whether {@code daemon} can serve a request for {@code file}: alive, and that very file. */
  public boolean matches(ManagedDaemon daemon, Path file) {
    return daemon.isAlive() && daemon.file().equals(file);
  }

  /** Process ids of the first stages started ahead of need and waiting now (tests, status). */
  public List<Long> waitingPids() {
    return waiting.stream().filter(Process::isAlive).map(Process::pid).toList();
  }

  /** A waiting first stage still alive, or null. */
  private Process takeWaiting() {
    for (Process p = waiting.poll(); p != null; p = waiting.poll()) {
      if (p.isAlive()) {
        return p;
      }
      p.destroyForcibly();
    }
    return null;
  }

  /** Starts first stages in the background until {@code prestarted} wait. */
  private void refill() {
    if (starter == null || closed) {
      return;
    }
    starter.execute(
        () -> {
          waiting.removeIf(p -> !p.isAlive());
          while (!closed && waiting.size() < prestarted) {
            try {
              waiting.add(
                  DaemonProcess.prestart(
                      SandboxCommand.prestarted(config, runtime), workDir(), stderr));
            } catch (IOException | RuntimeException e) {
              if (warned.compareAndSet(false, true)) {
                LOG.warning(
                    "Cannot start a first stage ahead of need (daemons start from nothing): " + e);
              }
              return;
            }
          }
          if (closed) {
            stopWaiting();
          }
        });
  }

  /** Where waiting first stages run: the runtime's own folder, never a tenant's. */
  private Path workDir() {
    return runtime.nativeDir().toAbsolutePath().getParent();
  }

  /** Kills the waiting first stages and waits (a little) for each to be gone. */
  private void stopWaiting() {
    for (Process p = waiting.poll(); p != null; p = waiting.poll()) {
      p.destroyForcibly();
      try {
        p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops the waiting first stages. */
  @Override
  public void close() {
    closed = true;
    stopWaiting();
    if (starter != null) {
      starter.shutdown();
    }
  }
}
