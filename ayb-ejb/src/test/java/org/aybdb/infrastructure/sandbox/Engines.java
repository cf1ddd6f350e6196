package org.aybdb.infrastructure.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.awaitility.Awaitility;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.infrastructure.sandbox.pool.PoolListener;
import org.aybdb.infrastructure.storage.DatabaseDirectories;
import org.aybdb.sandbox.launcher.SandboxRuntime;
import org.aybdb.testsupport.TestFolders;

/** Shared set-up of the engine's integration tests: one runtime, a fresh data folder per test. */
final class Engines {

  private static SandboxRuntime runtime;
  static final ScheduledExecutorService SCHEDULER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "test-pool-sweeper");
            t.setDaemon(true);
            return t;
          });

  private Engines() {}

  static Path workDir() {
    return TestFolders.workDir();
  }

  /** The runtime, installed from the jars on the class path exactly as the server does it. */
  static synchronized SandboxRuntime runtime() throws IOException {
    if (runtime == null) {
      runtime = SandboxEnvironment.install(workDir().resolve("runtime"));
    }
    return runtime;
  }

  /** A fresh data folder. */
  static Path newDataPath() {
    return TestFolders.fresh("data", "");
  }

  /**
   * The start-up decision for {@code settings}, as the server makes it once when it starts: here
   * once per distinct {@code [sandbox]} choice and test JVM, not once per test. Deciding probes the
   * host and starts a sandboxed check process, and neither the host nor the (immutable) decision
   * changes between tests.
   */
  static SandboxEnvironment environment(SandboxSettings settings) throws IOException {
    SandboxRuntime installed = runtime();
    return DECIDED.computeIfAbsent(
        List.of(settings.daemon(), settings.allowUnsandboxed()),
        key ->
            SandboxEnvironment.decide(
                settings.daemon(),
                settings.allowUnsandboxed(),
                installed,
                TestFolders.fresh("checks", "")));
  }

  private static final Map<List<Object>, SandboxEnvironment> DECIDED = new ConcurrentHashMap<>();

  /** An engine over a fresh data folder. */
  static PooledQueryEngine engine(Path dataPath, SandboxSettings settings, PoolListener listener)
      throws IOException {
    return new PooledQueryEngine(
        new DatabaseDirectories(dataPath), environment(settings), settings, listener, SCHEDULER);
  }

  /** Creates a database's first version folder and {@code current} link, as the create endpoint. */
  static DatabaseRef create(Path dataPath, String entity, String database) {
    DatabaseDirectories directories = new DatabaseDirectories(dataPath);
    directories.switchTo(entity, database, directories.newVersion(entity, database));
    return new DatabaseRef(entity, database, DatabaseType.SQLITE);
  }

  /** {@code [sandbox]} with these values and the defaults for the rest. */
  static SandboxSettings settings(
      int maxDaemons, java.time.Duration idle, java.time.Duration limit) {
    var d = org.aybdb.config.AybConfiguration.Sandbox.defaults();
    return SandboxSettings.from(
        new org.aybdb.config.AybConfiguration.Sandbox(
            d.allowUnsandboxed(),
            d.network(),
            maxDaemons,
            idle,
            limit,
            d.maxResultRows(),
            d.maxResultBytes(),
            d.maxSqlBytes(),
            d.maxValueBytes(),
            d.daemonMemory(),
            d.maxFileSize(),
            d.openFiles()));
  }

  /** Waits up to 10 s for {@code condition}. */
  static void await(String what, java.util.function.BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(condition::getAsBoolean);
  }

  /**
   * Waits until process {@code pid} is stopped (by SIGSTOP): the signal is only sent when {@code
   * kill} returns, and each of the JVM's threads must still be scheduled to stop, which on a loaded
   * machine takes a while.
   */
  static void awaitStopped(long pid) {
    await("process " + pid + " stopped", () -> state(pid) == 'T' || state(pid) == 't');
  }

  /** The state letter of process {@code pid} ({@code R}, {@code S}, {@code T}...), '?' if gone. */
  static char state(long pid) {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2);
    } catch (java.io.IOException e) {
      return '?';
    }
  }

  /**
   * Waits until daemon {@code pid} has spent another 100 ms of CPU time: a request it was just
   * given is then running inside it, not queued on the way.
   */
  static void awaitBusy(long pid) {
    Duration before = cpu(pid);
    Awaitility.await("daemon " + pid + " running a query")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> cpu(pid).compareTo(before.plusMillis(100)) >= 0);
  }

  private static Duration cpu(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(h -> h.info().totalCpuDuration())
        .orElseThrow(() -> new AssertionError("no CPU time for process " + pid));
  }

  /** Whether process {@code pid} still exists. */
  static boolean running(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Asserts that {@code action} fails with ayb's {@code type} and {@code kind}. */
  static AybException fails(ErrorType type, AybException.Kind kind, Runnable action) {
    AybException e = assertThrows(AybException.class, action::run);
    assertEquals(type, e.type(), e.getMessage());
    assertEquals(kind, e.kind(), e.getMessage());
    return e;
  }
}
