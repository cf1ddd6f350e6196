package org.aybdb.appserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Runs a server's own command-line tools (asadmin, jboss-cli) and fails on a non-zero exit. */
final class Commands {

  private static final Logger LOG = Logger.getLogger(Commands.class.getName());

  private final Path log;
  private final Map<String, String> environment;

  /** Commands whose output is appended to {@code log}, with {@code environment} added. */
  Commands(Path log, Map<String, String> environment) {
    this.log = log;
    this.environment = Map.copyOf(environment);
  }

  /** The file the commands' output is appended to. */
  Path log() {
    return log;
  }

  /** Runs {@code command}; its output goes to the log. */
  void run(Duration timeout, List<String> command) throws IOException, InterruptedException {
    LOG.info(() -> "Running " + String.join(" ", command));
    Files.createDirectories(log.getParent());
    Files.writeString(
        log,
        "$ " + String.join(" ", command) + System.lineSeparator(),
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new IllegalStateException(
          "Timed out after " + timeout + ": " + String.join(" ", command) + "; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "Exit " + process.exitValue() + ": " + String.join(" ", command) + "; see " + log);
    }
  }

  /** The resident set size of process {@code pid} in KiB, 0 if it cannot be read. */
  static long residentKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  /** Kills {@code pid} and its children if it is still alive after {@code grace}. */
  static void killIfAlive(long pid, Duration grace) {
    ProcessHandle.of(pid)
        .ifPresent(
            process -> {
              try {
                process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (Exception stillAlive) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
              }
            });
  }
}
