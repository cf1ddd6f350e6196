package org.aybdb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code bin/ayb server} as a user runs it, in an empty directory, with the port and
 * the server's JVM flags from the environment. Whatever happens, no process started here survives
 * the test.
 */
class ServerCommandIT {

  private static final Duration STARTUP = RunningServer.STARTUP;

  /** Small-JVM flags for the server: C1 only and serial GC start faster on few cores. */
  private static final String SERVER_JVM = "-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  @TempDir Path directory;

  private Path repository;
  private Process launcher;
  private final Map<Long, ProcessHandle> started = new LinkedHashMap<>();

  @BeforeEach
  void locateRepository() {
    String property = System.getProperty("ayb.repo");
    assertNotNull(property, "system property ayb.repo (set by the pom) is missing");
    repository = Path.of(property).toAbsolutePath();
    assertTrue(Files.isExecutable(repository.resolve("bin/ayb")), "bin/ayb is not executable");
  }

  @AfterEach
  void killEverythingStartedHere() {
    if (launcher != null) {
      record();
      launcher.destroyForcibly();
    }
    started.values().forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle handle : started.values()) {
      handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> handle).join();
    }
  }

  /**
   * Starts, serves (two query daemons, and the client's snapshot commands on a configuration
   * without snapshot storage), then dies with its launcher: SIGKILL gives the launcher no chance to
   * stop the server, and no process survives. The graceful stop (SIGTERM) is {@link
   * ShutdownUnderLoadIT}'s, on the shared server.
   */
  @Test
  void startsServesAndDoesNotOutliveAKilledLauncher() throws Exception {
    int port = freePort();
    launcher = start(port);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = URI.create("http://127.0.0.1:" + port + "/health");

    HttpResponse<String> answer = awaitHealthy(http, health);

    assertEquals(200, answer.statusCode());
    assertEquals("{\"status\":\"ok\"}", answer.body().strip());
    assertTrue(Files.isRegularFile(directory.resolve("ayb_data/ayb.sqlite")));
    Path fernetKey = directory.resolve("ayb_data/fernet.key");
    assertTrue(Files.isRegularFile(fernetKey));
    assertEquals(44, Files.readString(fernetKey, StandardCharsets.US_ASCII).strip().length());
    String out = awaitOutput("Started in ", Duration.ofSeconds(10));
    assertTrue(out.contains("Starting server 0.0.0.0:" + port + "...\n"), out);
    assertTrue(
        out.contains(
            "ayb is ready at http://localhost:" + port + " (listening on 0.0.0.0:" + port + ")\n"),
        out);
    assertTrue(out.contains("Data: " + directory.resolve("ayb_data").toRealPath()), out);
    assertTrue(out.contains("Metadata: jdbc:sqlite:"), out);
    String token = startQueryDaemons(http, "http://127.0.0.1:" + port);
    assertTheClientSaysSnapshotsAreNotConfigured("http://127.0.0.1:" + port, token);
    record();
    List<ProcessHandle> tree = new ArrayList<>(started.values());
    assertFalse(tree.isEmpty(), "the launcher started no server process");
    assertEquals(
        2,
        tree.stream().filter(ServerCommandIT::isQueryDaemon).count(),
        "one sandboxed daemon per queried database");

    launcher.destroyForcibly(); // SIGKILL to bin/ayb, which is the launcher JVM after exec

    assertTrue(launcher.waitFor(10, TimeUnit.SECONDS));
    for (ProcessHandle handle : tree) {
      handle.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> handle).join();
      assertFalse(handle.isAlive(), "process " + handle.pid() + " outlived its launcher");
    }
    assertThrows(ConnectException.class, () -> connect(port), "the port still accepts");
  }

  /**
   * Registers an account, creates two databases and queries each: two daemons start. The account's
   * token.
   */
  private String startQueryDaemons(HttpClient http, String base) throws Exception {
    assertEquals(
        200,
        send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/v1/register"))
                    .header("entity", "stopper")
                    .header("email-address", "stopper@example.org")
                    .header("entity-type", "user")
                    .POST(HttpRequest.BodyPublishers.noBody()))
            .statusCode());
    String email = Files.readString(directory.resolve("ayb_data/emails.jsonl"));
    String confirmToken = email.substring(email.indexOf("ayb client confirm ") + 19).split("\"")[0];
    String answer =
        send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/v1/confirm"))
                    .header("authentication-token", confirmToken)
                    .POST(HttpRequest.BodyPublishers.noBody()))
            .body();
    String token = answer.substring(answer.indexOf("ayb_")).split("\"")[0];
    for (String database : List.of("one.sqlite", "two.sqlite")) {
      String path = base + "/v1/stopper/" + database;
      assertEquals(
          201,
          send(
                  http,
                  HttpRequest.newBuilder(URI.create(path + "/create"))
                      .header("Authorization", "Bearer " + token)
                      .header("db-type", "sqlite")
                      .header("public-sharing-level", "no-access")
                      .POST(HttpRequest.BodyPublishers.noBody()))
              .statusCode());
      HttpResponse<String> query =
          send(
              http,
              HttpRequest.newBuilder(URI.create(path + "/query"))
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofString("CREATE TABLE t(a); SELECT 42")));
      assertEquals(200, query.statusCode(), query.body());
    }
    return token;
  }

  /**
   * The default configuration has no [snapshots] section: where ayb would list nothing and claim a
   * restore, {@code ayb client} prints the server's reason and fails.
   */
  private void assertTheClientSaysSnapshotsAreNotConfigured(String url, String token)
      throws Exception {
    String database = "stopper/one.sqlite";
    String expected =
        "Error: SnapshotError { message: \"Snapshots are not configured on this server: its"
            + " configuration has no [snapshots] section\" }\n";
    Map<String, String> environment =
        Map.of(
            "AYB_SERVER_URL",
            url,
            "AYB_API_TOKEN",
            token,
            "AYB_CLIENT_CONFIG_FILE",
            directory.resolve("client.json").toString());
    for (String[] command :
        List.of(
            new String[] {"client", "list_snapshots", database},
            new String[] {"client", "restore_snapshot", database, "0".repeat(64)})) {
      CommandRun run = CommandRun.run(environment, command);
      assertEquals(expected, run.err(), run.toString());
      assertEquals("", run.out(), run.toString());
      assertEquals(1, run.status(), run.toString());
    }
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request)
      throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean isQueryDaemon(ProcessHandle handle) {
    return handle
        .info()
        .arguments()
        .map(arguments -> List.of(arguments).contains("org.aybdb.sandbox.daemon.QueryDaemon"))
        .orElse(false);
  }

  @Test
  void aTakenPortFailsFastWithOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(0));
      int port = taken.getLocalPort();

      launcher = start(port);

      assertTrue(launcher.waitFor(30, TimeUnit.SECONDS), "ayb server did not fail fast");
      assertEquals(1, launcher.exitValue());
      assertEquals(
          "Error: port "
              + port
              + " is already in use; stop the program using it or choose another port (port in"
              + " ayb.toml or AYB__PORT)\n",
          read("err.txt"));
      assertEquals("", read("out.txt"));
    }
  }

  @Test
  void anInvalidConfigurationFailsFastWithOneLine() throws Exception {
    Files.writeString(
        directory.resolve("ayb.toml"),
        """
        host = "0.0.0.0"
        port = "abc"
        database_url = "sqlite://ayb_data/ayb.sqlite"
        data_path = "./ayb_data"

        [authentication]
        token_expiration_seconds = 3600

        [email.file]
        path = "./ayb_data/emails.jsonl"

        [cors]
        origin = "*"
        """);

    launcher = start(null); // AYB__PORT would override the file's port

    assertTrue(launcher.waitFor(30, TimeUnit.SECONDS), "ayb server did not fail fast");
    assertEquals(ExitCodes.CONFIG, launcher.exitValue());
    String err = read("err.txt");
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("Error: ") && err.contains("`port`"), err);
    assertFalse(err.contains("Exception"), err);
  }

  /** Starts {@code bin/ayb server} in the temporary directory; {@code port} null: none set. */
  private Process start(Integer port) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(repository.resolve("bin/ayb").toString(), "server")
            .directory(directory.toFile())
            .redirectOutput(directory.resolve("out.txt").toFile())
            .redirectError(directory.resolve("err.txt").toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("AYB"));
    if (port != null) {
      environment.put("AYB__PORT", Integer.toString(port));
    }
    environment.put("AYB__SERVER__JVM_OPTIONS", SERVER_JVM);
    Process process = builder.start();
    started.put(process.pid(), process.toHandle());
    return process;
  }

  private HttpResponse<String> awaitHealthy(HttpClient http, URI health) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      record();
      if (!launcher.isAlive()) {
        fail(
            "ayb server exited with status "
                + launcher.exitValue()
                + "\nstdout:\n"
                + read("out.txt")
                + "\nstderr:\n"
                + read("err.txt"));
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return response;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    return fail("no healthy answer within " + STARTUP + "\nstderr:\n" + read("err.txt"));
  }

  /** The launcher prints its ready lines right after the first healthy answer it sees itself. */
  private String awaitOutput(String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String out = read("out.txt");
    while (!out.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      out = read("out.txt");
    }
    return out;
  }

  /** Remembers the launcher's descendants, so that they can be checked (and killed) later. */
  private void record() {
    if (launcher != null && launcher.isAlive()) {
      launcher.descendants().forEach(handle -> started.putIfAbsent(handle.pid(), handle));
    }
  }

  private String read(String name) throws IOException {
    Path file = directory.resolve(name);
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
    }
  }
}
