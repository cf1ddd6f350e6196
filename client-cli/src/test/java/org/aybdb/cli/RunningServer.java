package org.aybdb.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real ayb server for end-to-end tests: {@code bin/ayb server} in its own folder on a free port,
 * with the embedded default (SQLite metadata, e-mails to {@code ayb_data/emails.jsonl}). {@link
 * #close()} stops it and every process it started.
 */
public final class RunningServer implements AutoCloseable {

  /**
   * How long a start may take: 240 s, or MICRO_STARTUP_TIMEOUT_IN_SECONDS when set (the variable
   * ayb-web's Payara Micro container reads; on a loaded machine a start takes longer).
   */
  static final Duration STARTUP =
      Duration.ofSeconds(
          Long.parseLong(
              java.util.Objects.requireNonNullElse(
                  System.getenv("MICRO_STARTUP_TIMEOUT_IN_SECONDS"), "240")));

  /** Small-JVM flags for the server: C1 only and serial GC start faster on few cores. */
  private static final String SERVER_JVM = "-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  private final Path repository;
  private final Path folder;
  private final int port;
  private final Process launcher;
  private final List<ProcessHandle> started = new ArrayList<>();

  private RunningServer(Path repository, Path folder, int port, Process launcher) {
    this.repository = repository;
    this.folder = folder;
    this.port = port;
    this.launcher = launcher;
  }

  /** The checkout, from the system property {@code ayb.repo} the pom sets. */
  public static Path repository() {
    String property = System.getProperty("ayb.repo");
    assertNotNull(property, "system property ayb.repo (set by the pom) is missing");
    Path repository = Path.of(property).toAbsolutePath();
    assertTrue(Files.isExecutable(repository.resolve("bin/ayb")), "bin/ayb is not executable");
    return repository;
  }

  /** Starts a server in {@code folder} and waits until {@code /health} answers. */
  public static RunningServer start(Path folder, Map<String, String> extraEnvironment)
      throws Exception {
    Path repository = repository();
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(repository.resolve("bin/ayb").toString(), "server")
            .directory(folder.toFile())
            .redirectOutput(folder.resolve("server-out.txt").toFile())
            .redirectError(folder.resolve("server-err.txt").toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("AYB"));
    environment.put("AYB__PORT", Integer.toString(port));
    environment.put("AYB__SERVER__JVM_OPTIONS", SERVER_JVM);
    environment.putAll(extraEnvironment);
    RunningServer server = new RunningServer(repository, folder, port, builder.start());
    try {
      server.awaitHealthy();
    } catch (Throwable e) {
      server.close();
      throw e;
    }
    return server;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public Path folder() {
    return folder;
  }

  public Path repositoryPath() {
    return repository;
  }

  /** The e-mails the server wrote, one JSON object per line. */
  public List<String> emails() throws IOException {
    Path file = folder.resolve("ayb_data/emails.jsonl");
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  private void awaitHealthy() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      record();
      if (!launcher.isAlive()) {
        fail("ayb server exited with status " + launcher.exitValue() + "\n" + log());
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    fail("no healthy answer within " + STARTUP + "\n" + log());
  }

  private String log() throws IOException {
    return Files.readString(folder.resolve("server-err.txt"));
  }

  private void record() {
    if (launcher.isAlive()) {
      launcher.descendants().filter(h -> !started.contains(h)).forEach(started::add);
    }
  }

  /**
   * Stops the server as an operator does (SIGTERM to `ayb server`) and waits until every process of
   * it has exited; the launcher's exit status.
   */
  public int terminate(Duration within) throws Exception {
    record();
    launcher.destroy();
    if (!launcher.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      fail("ayb server did not stop within " + within + "\n" + log());
    }
    for (ProcessHandle handle : started) {
      handle.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
    }
    return launcher.exitValue();
  }

  @Override
  public void close() {
    record();
    launcher.destroyForcibly();
    started.forEach(ProcessHandle::destroyForcibly);
    launcher.toHandle().onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    for (ProcessHandle handle : started) {
      handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> handle).join();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
