package org.aybdb.interfaces.rest;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one Payara Micro of a test JVM (a failsafe execution): the build's WAR, started on first use
 * with the command line, system properties and environment the execution gives, serving every
 * black-box IT class of the run, stopped when the run ends or the JVM exits. Starting one per class
 * cost 25 to 90 s each on 2 cores.
 *
 * <p>The WAR also holds the clock OAuthIT shifts (see {@link Deployments#exportTestWar}); OAuthIT
 * puts it back after each test, and at offset 0 it is the system clock. The server's output goes to
 * {@code payara-micro.log} in {@code ayb.test.serverDir}, a folder per execution.
 */
public final class SharedServer {

  private static final Logger LOG = Logger.getLogger(SharedServer.class.getName());

  private static final Pattern READY = Pattern.compile("Payara Micro .* ready in ");
  private static final Pattern URLS = Pattern.compile("Payara Micro URLs:\\s+(https?://\\S+)");

  private static SharedServer running;
  private static RuntimeException failedStart;

  private final Process process;
  private final Path log;
  private URL base;

  private SharedServer(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** The base URL of the server, started if this JVM has not started it yet. */
  public static synchronized URL base() {
    if (failedStart != null) {
      // One failed start fails every later class at once instead of retrying for minutes each.
      throw failedStart;
    }
    if (running == null) {
      // Registered before the start, so that a JVM ending during it kills the process too.
      Runtime.getRuntime().addShutdownHook(new Thread(SharedServer::stop, "payara-micro-stop"));
      try {
        start();
      } catch (Exception e) {
        stop();
        failedStart = new IllegalStateException("Payara Micro did not start: " + e.getMessage(), e);
        throw failedStart;
      }
    }
    return running.base;
  }

  /** Stops the server if this JVM started it: its query daemons go with it. */
  public static synchronized void stop() {
    if (running != null) {
      running.kill();
      running = null;
    }
  }

  private static void start() throws Exception {
    Path folder = Path.of(property("ayb.test.serverDir"));
    Files.createDirectories(folder);
    File war = folder.resolve("ayb-web.war").toFile();
    Deployments.exportTestWar(war);
    Path log = folder.resolve("payara-micro.log");
    List<String> command = command(war);
    LOG.info("Starting Payara Micro, output in " + log + ": " + command);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    running = new SharedServer(process, log);
    running.base = awaitUrl(process, log);
  }

  /** The command line Arquillian's Payara Micro container used, on a port chosen here. */
  private static List<String> command(File war) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options("payara.cmdOptions"));
    command.addAll(
        List.of(
            "-jar",
            property("payara.microJar"),
            "--deploy",
            war.getAbsolutePath(),
            "--port",
            Integer.toString(freePort()),
            // Another process may take the port before Payara binds it: then it takes a later one.
            "--autoBindHttp",
            "--autoBindRange",
            "100",
            // Not --nocluster: it still starts an in-process Hazelcast (a second or two of every
            // start) and wins over --nohazelcast.
            "--nohazelcast"));
    command.addAll(options("payara.extraMicroOptions"));
    return command;
  }

  /** Space-separated options; a backslash keeps a space inside one. */
  private static List<String> options(String name) {
    return Arrays.stream(System.getProperty(name, "").trim().split("(?<!\\\\) +"))
        .filter(option -> !option.isEmpty())
        .map(option -> option.replace("\\ ", " "))
        .toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Waits for Payara Micro's "ready" line; the URL it printed for the application is the base. */
  private static URL awaitUrl(Process process, Path log) throws Exception {
    Instant deadline = Instant.now().plus(startupTimeout());
    while (Instant.now().isBefore(deadline)) {
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (READY.matcher(output).find()) {
        Matcher url = URLS.matcher(output);
        if (!url.find()) {
          throw new IllegalStateException("no application deployed\n" + tail(output));
        }
        URL base = new URL(url.group(1));
        LOG.info("Payara Micro serves " + base);
        return base;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited with " + process.exitValue() + "\n" + tail(output));
      }
      process.waitFor(250, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException(
        "not ready after " + startupTimeout().toSeconds() + " s, see " + log);
  }

  /** As long as Arquillian's container waited (its property or environment variable). */
  private static Duration startupTimeout() {
    String seconds =
        System.getProperty(
            "payara.startupTimeoutInSeconds",
            Objects.requireNonNullElse(System.getenv("MICRO_STARTUP_TIMEOUT_IN_SECONDS"), "180"));
    return Duration.ofSeconds(Long.parseLong(seconds.trim()));
  }

  private static String tail(String output) {
    return output.substring(Math.max(0, output.length() - 6000));
  }

  /**
   * Asks Payara Micro to shut down (it stops its query daemons), then kills what is left of it and
   * of its child processes: no server outlives the test JVM.
   */
  private void kill() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    LOG.info("Payara Micro stopped, its output is in " + log);
  }

  private static String property(String name) {
    return Objects.requireNonNull(System.getProperty(name), name + " is not set");
  }
}
