package org.aybdb.cli.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.aybdb.config.AybConfiguration;
import org.aybdb.config.ConfigurationException;
import org.aybdb.config.MetadataStore;

/**
 * Runs Payara Micro with the ayb WAR in a child JVM and supervises it:
 *
 * <ol>
 *   <li>creates {@code data_path}, locks it, checks that the port is free and writes the Payara
 *       files (see {@link ServerFiles});
 *   <li>starts {@code java <server.jvm_options> -jar payara-micro.jar --deploy ayb-web.war ...} in
 *       the current directory with the inherited environment, so that relative paths and {@code
 *       AYB__} overrides mean the same to the server as they did here;
 *   <li>passes the child's output through and polls {@code GET /health} until it answers 200;
 *   <li>fails fast, stopping the child, when it exits early, when its deployment fails (Payara
 *       Micro keeps running with nothing deployed) or after {@code server.startup_timeout_seconds};
 *   <li>on SIGINT/SIGTERM stops the child gracefully and makes sure that none of its processes
 *       remain; when the child stops on its own, exits with its status.
 * </ol>
 */
final class ServerLauncher {

  /** How long Payara may claim to be ready while ayb's /health is still missing. */
  static final Duration DEPLOY_GRACE = Duration.ofSeconds(10);

  /** How long a server that failed to start gets to exit after SIGTERM. */
  static final Duration FAILURE_STOP_GRACE = Duration.ofSeconds(10);

  /**
   * How long a running server gets to shut down after SIGTERM, beyond the time it lets requests in
   * flight finish ({@code server.shutdown_grace_seconds}).
   */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

  static final long POLL_MILLIS = 200;

  /** Tells the server which process started it (for a watchdog; informational otherwise). */
  static final String LAUNCHER_PID_PROPERTY = "ayb.launcher.pid";

  static final String CONFIG_FILE_PROPERTY = "ayb.config.file";

  private final AybConfiguration configuration;
  private final Path configFile;
  private final ServerArtifacts artifacts;
  private final PrintWriter out;
  private final PrintWriter err;
  private final AtomicBoolean stopping = new AtomicBoolean();

  ServerLauncher(
      AybConfiguration configuration,
      Path configFile,
      ServerArtifacts artifacts,
      PrintWriter out,
      PrintWriter err) {
    this.configuration = configuration;
    this.configFile = configFile;
    this.artifacts = artifacts;
    this.out = out;
    this.err = err;
  }

  /** Starts the server and returns when it has stopped; the exit status. */
  int run() {
    Instant launched = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    String host = configuration.host();
    int port = configuration.port();
    Path dataPath = createDataPath();
    ServerFiles files = new ServerFiles(dataPath);
    files.lock(dataPath);
    checkPortIsFree(host, port);
    files.prepare(host);

    out.println("Starting server " + host + ":" + port + "...");
    out.flush();
    ProcessTree tree = start(command(files));
    ServerOutput output = new ServerOutput();
    output.pump("ayb-server-stdout", tree.process().getInputStream(), out);
    output.pump("ayb-server-stderr", tree.process().getErrorStream(), err);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> shutdown(tree, output, files), "ayb-shutdown"));

    if (!awaitHealthy(tree, output, host, port)) {
      return awaitShutdown(tree);
    }
    Duration startup = Duration.between(launched, Instant.now());
    printReady(host, port, dataPath, startup);
    return supervise(tree, output);
  }

  private Path createDataPath() {
    Path dataPath = configuration.dataPath().toAbsolutePath().normalize();
    try {
      Files.createDirectories(dataPath);
      return dataPath;
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.ERROR, "cannot create data_path " + dataPath + ": " + ServerFiles.reason(e), e);
    }
  }

  /** Reports a taken port before Payara Micro spends seconds starting up. */
  static void checkPortIsFree(String host, int port) {
    InetSocketAddress address =
        ServerFiles.isWildcard(host)
            ? new InetSocketAddress(port)
            : new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new CliException(
          ExitCodes.ERROR, "cannot listen on " + host + ":" + port + ": unknown host " + host);
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(address);
    } catch (BindException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("in use")) {
        throw new CliException(ExitCodes.ERROR, portInUse(host, port));
      }
      throw new CliException(
          ExitCodes.ERROR, "cannot listen on " + host + ":" + port + ": " + message, e);
    } catch (IOException | SecurityException e) {
      throw new CliException(
          ExitCodes.ERROR, "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  static String portInUse(String host, int port) {
    return "port "
        + port
        + " is already in use"
        + (ServerFiles.isWildcard(host) ? "" : " on " + host)
        + "; stop the program using it or choose another port (port in ayb.toml or AYB__PORT)";
  }

  private Duration shutdownGrace() {
    return SHUTDOWN_GRACE.plusSeconds(configuration.server().shutdownGraceSeconds());
  }

  List<String> command(ServerFiles files) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(configuration.server().jvmOptions());
    command.add("-D" + CONFIG_FILE_PROPERTY + "=" + configFile);
    command.add("-D" + LAUNCHER_PID_PROPERTY + "=" + ProcessHandle.current().pid());
    command.add("-jar");
    command.add(artifacts.payaraMicroJar().toString());
    command.add("--deploy");
    command.add(artifacts.war().toString());
    command.add("--contextroot");
    command.add("/");
    command.add("--port");
    command.add(Integer.toString(configuration.port()));
    // --nohazelcast rather than --nocluster: the latter only stops clustering but still starts
    // an in-process Hazelcast, and wins over --nohazelcast when both are given.
    command.add("--nohazelcast");
    command.add("--disablephonehome");
    command.add("--rootdir");
    command.add(files.payaraRoot().toString());
    command.add("--prebootcommandfile");
    command.add(files.prebootFile().toString());
    command.add("--logproperties");
    command.add(files.loggingFile().toString());
    return command;
  }

  private static ProcessTree start(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    // Working directory and environment are inherited: relative data paths and AYB__ overrides
    // resolve in the server exactly as they did in this launcher. Stdin stays a pipe that closes
    // when the launcher dies.
    try {
      return new ProcessTree(builder.start());
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.ERROR, "cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Polls until {@code /health} answers 200. On failure stops the child and reports; returns false
   * (without reporting) when a shutdown signal arrived meanwhile.
   */
  private boolean awaitHealthy(ProcessTree tree, ServerOutput output, String host, int port) {
    Process process = tree.process();
    URI uri = HealthProbe.uri(host, port);
    HealthProbe probe = new HealthProbe(uri);
    long timeoutSeconds = configuration.server().startupTimeoutSeconds();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    HealthProbe.Answer answer = HealthProbe.Answer.NOTHING;
    while (true) {
      if (stopping.get()) {
        return false;
      }
      if (!process.isAlive()) {
        output.drain(2000);
        tree.stopOrphans();
        if (stopping.get()) {
          return false;
        }
        int status = process.exitValue();
        String message = "the server exited with status " + status + " before it was ready";
        if (output.portInUse()) {
          message += ": " + portInUse(host, port);
        } else {
          message += output.mostRelevantError().map(reason -> ": " + reason).orElse("");
        }
        throw new CliException(ExitCodes.ERROR, message);
      }
      answer = probe.probe();
      if (answer.healthy()) {
        return true;
      }
      long now = System.nanoTime();
      boolean nothingDeployed = answer.status() == 0 || answer.status() == 404;
      if (output.deploymentFailed()
          && (output.payaraReady() || now - output.deployFailureNanos() > DEPLOY_GRACE.toNanos())) {
        fail(tree, output, "deployment of ayb failed: " + deploymentReason(output, answer));
      }
      if (output.payaraReady()
          && nothingDeployed
          && now - output.payaraReadyNanos() > DEPLOY_GRACE.toNanos()) {
        fail(tree, output, "deployment of ayb failed: " + deploymentReason(output, answer));
      }
      if (now - deadline > 0) {
        String message =
            "the server was not ready within "
                + timeoutSeconds
                + " seconds (server.startup_timeout_seconds); GET "
                + uri
                + " "
                + describe(answer);
        Optional<String> reason = output.mostRelevantError();
        if (reason.isPresent()) {
          message += "; " + reason.get();
        }
        fail(tree, output, message);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(tree, output, "interrupted while waiting for the server to start");
      }
    }
  }

  private static String deploymentReason(ServerOutput output, HealthProbe.Answer answer) {
    return output
        .deploymentFailure()
        .orElse(
            "Payara Micro started but GET /health " + describe(answer) + " (see the log above)");
  }

  private static String describe(HealthProbe.Answer answer) {
    if (answer.status() == 0) {
      return "got no answer";
    }
    return "answered "
        + answer.status()
        + (answer.body().isEmpty() ? "" : " " + answer.body().replaceAll("\\s+", " "));
  }

  /** Stops the child (and descendants) of a failed start and reports the failure. */
  private void fail(ProcessTree tree, ServerOutput output, String message) {
    if (stopping.compareAndSet(false, true)) {
      tree.stop(FAILURE_STOP_GRACE);
      output.drain(2000);
      throw new CliException(ExitCodes.ERROR, message);
    }
    // A shutdown signal is being handled; the hook stops the child.
    throw new CliException(ExitCodes.ERROR, "interrupted while the server was starting");
  }

  private void printReady(String host, int port, Path dataPath, Duration startup) {
    String listening = hostForUrl(host) + ":" + port;
    out.println("ayb is ready at " + localUrl(host, port) + " (listening on " + listening + ")");
    configuration.publicUrl().ifPresent(url -> out.println("Public URL: " + url));
    out.println("Data: " + dataPath);
    out.println("Metadata: " + metadata());
    out.println(String.format(Locale.ROOT, "Started in %.1f seconds", startup.toMillis() / 1000.0));
    out.flush();
  }

  private String metadata() {
    if (configuration.metadata().dataSourceJndi().isPresent()) {
      return "server data source " + configuration.metadata().dataSourceJndi().get();
    }
    try {
      MetadataStore store = configuration.metadataStore();
      String url = withoutPassword(store.jdbcUrl());
      return store.user().isEmpty() ? url : url + " (user " + store.user() + ")";
    } catch (ConfigurationException e) {
      return configuration.databaseUrl().replaceAll("(//[^/:@]*):[^/@]*@", "$1@");
    }
  }

  /** A JDBC URL without user-info password or {@code password=} parameter. */
  static String withoutPassword(String jdbcUrl) {
    return jdbcUrl
        .replaceAll("(//[^/:@?]*):[^/@?]*@", "$1@")
        .replaceAll("(?i)([?&;])password=[^&;]*[&;]?", "$1")
        .replaceAll("[?&;]$", "");
  }

  static String localUrl(String host, int port) {
    boolean local =
        ServerFiles.isWildcard(host)
            || "::".equals(host)
            || "127.0.0.1".equals(host)
            || "::1".equals(host)
            || "localhost".equalsIgnoreCase(host);
    return "http://" + (local ? "localhost" : hostForUrl(host)) + ":" + port;
  }

  /** An IPv6 literal in brackets, anything else as is. */
  static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** After the child is ready: waits for it, recording its descendants now and then. */
  private int supervise(ProcessTree tree, ServerOutput output) {
    Process process = tree.process();
    try {
      while (!process.waitFor(2, TimeUnit.SECONDS)) {
        tree.refresh();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return awaitShutdown(tree);
    }
    if (stopping.get()) {
      return awaitShutdown(tree);
    }
    output.drain(2000);
    tree.stopOrphans();
    int status = process.exitValue();
    if (status != 0) {
      throw new CliException(status, "the server exited with status " + status);
    }
    out.println("Server stopped.");
    out.flush();
    return ExitCodes.OK;
  }

  /** While the shutdown hook runs: its outcome is the exit status; returning just waits. */
  private int awaitShutdown(ProcessTree tree) {
    return tree.stop(shutdownGrace());
  }

  /** The shutdown hook: SIGINT/SIGTERM on the launcher, or the launcher's own exit. */
  private void shutdown(ProcessTree tree, ServerOutput output, ServerFiles files) {
    boolean first = stopping.compareAndSet(false, true);
    if (first && tree.process().isAlive()) {
      out.println("Shutting down server...");
      out.flush();
    }
    tree.stop(shutdownGrace());
    output.drain(2000);
    if (!tree.process().isAlive()) {
      // Payara's unpacked runtime (over 100 MB) need not sit in data_path between runs.
      files.removePayaraRoot();
    }
    out.flush();
    err.flush();
  }
}
