package org.aybdb.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.aybdb.sandbox.client.DaemonFailureException;
import org.aybdb.sandbox.client.DaemonProcess;
import org.aybdb.sandbox.daemon.Engine;
import org.aybdb.sandbox.launcher.SandboxCommand;
import org.aybdb.sandbox.launcher.SandboxConfig;
import org.aybdb.sandbox.launcher.SandboxRuntime;

/** Shared set-up of the integration tests: one runtime, a fresh folder per database. */
public final class Sandboxes {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static SandboxRuntime runtime;

  private Sandboxes() {}

  static Path workDir() {
    String dir = System.getProperty("sandbox.work.dir");
    assertTrue(dir != null, "run through failsafe: sandbox.work.dir is not set");
    return Path.of(dir).toAbsolutePath();
  }

  /** The runtime built from the module's jar and JNA's, installed once per test JVM. */
  static synchronized SandboxRuntime runtime() throws IOException {
    if (runtime == null) {
      Path agent = Path.of(System.getProperty("sandbox.agent.jar"));
      Path lib = Path.of(System.getProperty("sandbox.lib.dir"));
      Path jna;
      try (var list = Files.list(lib)) {
        jna =
            list.filter(p -> p.getFileName().toString().startsWith("jna-"))
                .findFirst()
                .orElseThrow();
      }
      runtime = SandboxRuntime.install(workDir().resolve("runtime"), agent, jna);
    }
    return runtime;
  }

  /** A new, empty folder (like a database's version folder). */
  static Path newDir(String name) throws IOException {
    Path dir =
        workDir()
            .resolve("dbs")
            .resolve(name + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
    Files.createDirectories(dir);
    return dir;
  }

  /** Starts a DuckDB daemon for {@code dir/db.duckdb}. */
  static DaemonProcess startDuckDb(SandboxConfig config, Path dir)
      throws IOException, DaemonFailureException {
    return DaemonProcess.start(
        SandboxCommand.daemon(config, runtime(), dir.resolve("db.duckdb"), Engine.DUCKDB),
        dir,
        ProcessBuilder.Redirect.INHERIT,
        Duration.ofSeconds(30));
  }

  /** Starts a daemon for {@code dir/db.sqlite}. */
  static DaemonProcess start(SandboxConfig config, Path dir)
      throws IOException, DaemonFailureException {
    return DaemonProcess.start(
        SandboxCommand.daemon(config, runtime(), dir.resolve("db.sqlite")),
        dir,
        ProcessBuilder.Redirect.INHERIT,
        Duration.ofSeconds(30));
  }
}
