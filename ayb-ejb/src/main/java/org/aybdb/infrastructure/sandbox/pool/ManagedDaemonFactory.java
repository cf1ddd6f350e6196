package org.aybdb.infrastructure.sandbox.pool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.aybdb.sandbox.client.DaemonFailureException;
import org.aybdb.sandbox.client.DaemonProcess;
import org.aybdb.sandbox.daemon.Engine;
import org.aybdb.sandbox.launcher.SandboxCommand;
import org.aybdb.sandbox.launcher.SandboxConfig;
import org.aybdb.sandbox.launcher.SandboxRuntime;

/**
 * The managed connection factory: starts a sandboxed daemon for a database file (the first stage
 * applies the sandbox, then execs the daemon JVM) and tells whether a daemon matches a request.
 */
public final class ManagedDaemonFactory {

  private final SandboxConfig config;
  private final SandboxRuntime runtime;
  private final ProcessBuilder.Redirect stderr;
  private final Duration startTimeout;
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
    this(config, runtime, stderr, startTimeout, database -> Engine.SQLITE);
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
      Function<String, Engine> engines) {
    this.engines = Objects.requireNonNull(engines, "engines");
    this.config = Objects.requireNonNull(config, "config");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.stderr = Objects.requireNonNull(stderr, "stderr");
    this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
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
    List<String> command = SandboxCommand.daemon(config, runtime, file, engines.apply(database));
    DaemonProcess process = DaemonProcess.start(command, file.getParent(), stderr, startTimeout);
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
}
