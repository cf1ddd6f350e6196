package org.aybdb.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.aybdb.sandbox.client.DaemonFailureException;
import org.aybdb.sandbox.client.DaemonProcess;
import org.aybdb.sandbox.daemon.Engine;
import org.aybdb.sandbox.launcher.SandboxCommand;
import org.aybdb.sandbox.launcher.SandboxConfig;
import org.aybdb.sandbox.launcher.SandboxRuntime;
import org.aybdb.testsupport.TestFolders;

/** Shared set-up of the integration tests: one runtime, a fresh folder per database. */
public final class Sandboxes {

  private static SandboxRuntime runtime;

  private Sandboxes() {}

  static Path workDir() {
    return TestFolders.workDir();
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
  static Path newDir(String name) {
    return TestFolders.fresh("dbs", name + "-");
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

  /** Starts a daemon with the default settings from {@code runtime} for {@code dir/db.sqlite}. */
  static DaemonProcess start(SandboxRuntime runtime, Path dir)
      throws IOException, DaemonFailureException {
    return DaemonProcess.start(
        SandboxCommand.daemon(SandboxConfig.defaults(), runtime, dir.resolve("db.sqlite")),
        dir,
        ProcessBuilder.Redirect.INHERIT,
        Duration.ofSeconds(30));
  }

  /** Starts a first stage with the default settings, loaded and waiting for its database. */
  static Process prestart(SandboxRuntime runtime) throws IOException {
    return DaemonProcess.prestart(
        SandboxCommand.prestarted(SandboxConfig.defaults(), runtime),
        newDir("waiting"),
        ProcessBuilder.Redirect.INHERIT);
  }

  /** Gives the first stage {@code waiting} the database {@code dir/db.sqlite}. */
  static DaemonProcess assign(Process waiting, SandboxRuntime runtime, Path dir)
      throws IOException, DaemonFailureException {
    return DaemonProcess.assign(
        waiting,
        SandboxCommand.assignment(SandboxConfig.defaults(), runtime, dir.resolve("db.sqlite")),
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
