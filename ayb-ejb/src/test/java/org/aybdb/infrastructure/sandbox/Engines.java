package org.aybdb.infrastructure.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.infrastructure.sandbox.pool.PoolListener;
import org.aybdb.infrastructure.storage.DatabaseDirectories;
import org.aybdb.sandbox.launcher.SandboxRuntime;

/** Shared set-up of the engine's integration tests: one runtime, a fresh data folder per test. */
final class Engines {

  private static final AtomicInteger COUNTER = new AtomicInteger();
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
    String dir = System.getProperty("sandbox.work.dir");
    assertTrue(dir != null, "run through failsafe: sandbox.work.dir is not set");
    return Path.of(dir).toAbsolutePath();
  }

  /** The runtime, installed from the jars on the class path exactly as the server does it. */
  static synchronized SandboxRuntime runtime() throws IOException {
    if (runtime == null) {
      runtime = SandboxEnvironment.install(workDir().resolve("runtime"));
    }
    return runtime;
  }

  /** A fresh data folder. */
  static Path newDataPath() throws IOException {
    Path dir =
        workDir()
            .resolve("data")
            .resolve(ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
    Files.createDirectories(dir);
    return dir;
  }

  /** The start-up decision for {@code settings}, as the server makes it. */
  static SandboxEnvironment environment(SandboxSettings settings) throws IOException {
    return SandboxEnvironment.decide(
        settings.daemon(),
        settings.allowUnsandboxed(),
        runtime(),
        workDir().resolve("check-" + COUNTER.incrementAndGet()));
  }

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

  /** Asserts that {@code action} fails with ayb's {@code type}, {@code status} and message. */
  static AybException fails(ErrorType type, int status, Runnable action) {
    AybException e = assertThrows(AybException.class, action::run);
    assertEquals(type, e.type(), e.getMessage());
    assertEquals(status, e.status(), e.getMessage());
    return e;
  }
}
