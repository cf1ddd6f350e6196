package org.aybdb.infrastructure.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Stops this server when the `ayb server` launcher that started it is gone, even if the launcher
 * was killed without a chance to stop it (SIGKILL): an orphaned server would keep the port and the
 * data folder. Inactive when the application runs anywhere else (no {@code ayb.launcher.pid}).
 */
@Singleton
@Startup
public class LauncherWatchdog {

  /** Set by `ayb server` on the server's command line. */
  static final String LAUNCHER_PID = "ayb.launcher.pid";

  private static final Logger LOG = Logger.getLogger(LauncherWatchdog.class.getName());

  @PostConstruct
  void watch() {
    launcher()
        .ifPresent(
            launcher ->
                launcher
                    .onExit()
                    .thenRun(
                        () -> {
                          LOG.warning("The ayb server launcher has gone; stopping this server");
                          // A normal exit runs Payara's shutdown hooks: a graceful stop.
                          System.exit(0);
                        }));
  }

  private static Optional<ProcessHandle> launcher() {
    String pid = System.getProperty(LAUNCHER_PID);
    if (pid == null || pid.isBlank()) {
      return Optional.empty();
    }
    try {
      Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(pid.trim()));
      if (handle.isEmpty() || !handle.get().isAlive()) {
        LOG.warning("The ayb server launcher (pid " + pid + ") is not running; stopping");
        System.exit(0);
      }
      return handle;
    } catch (NumberFormatException e) {
      LOG.warning("Ignoring malformed " + LAUNCHER_PID + "=" + pid);
      return Optional.empty();
    }
  }
}
