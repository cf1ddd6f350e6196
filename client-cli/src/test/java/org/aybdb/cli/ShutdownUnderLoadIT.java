package org.aybdb.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIGTERM to `ayb server` while clients write: every write the server acknowledged (200) is in the
 * database afterwards, and every other answer is ayb's JSON 503 with {@code Retry-After}, or no
 * answer at all because the port was closed (connection refused) or the connection was still
 * waiting in the listen queue when it closed (reset before any byte of an answer; such a request
 * was never read, so never run). Never HTML, an empty 500, or a 500 carrying a success body.
 *
 * <p>The server is the {@link SharedServer}, stopped here: this class runs after the others. Its
 * per-entity query limits (4 at once by default) are off, so every answer to the six writers of one
 * entity is about the shutdown.
 */
@ExtendWith(SharedServer.class)
@Order(Integer.MAX_VALUE)
class ShutdownUnderLoadIT {

  private static final int CLIENTS = 6;

  @Test
  void acknowledgedWritesAreCommittedAndEveryOtherAnswerIsA503OrNoConnection(RunningServer server)
      throws Exception {
    // HTTP/1.1: over the JDK 17 client's HTTP/2 (h2c) connection, a request sent as the server
    // stopped stayed waiting for its 60 s timeout after the server had exited, in every run.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String path = "/v1/drain/load.sqlite";
    String token = register(http, server, "drain");
    create(http, server, path, token);
    assertEquals(
        200,
        query(http, server, path, token, "CREATE TABLE t(id INTEGER PRIMARY KEY)").statusCode());

    Set<Integer> acknowledged = Collections.synchronizedSet(new TreeSet<>());
    List<String> wrong = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      work.add(
          clients.submit(
              () -> {
                for (int i = 1; running.get(); i++) {
                  int id = client * 1_000_000 + i;
                  try {
                    HttpResponse<String> answer =
                        query(http, server, path, token, "INSERT INTO t(id) VALUES (" + id + ")");
                    String type = answer.headers().firstValue("Content-Type").orElse("");
                    if (answer.statusCode() == 200 && answer.body().contains("\"fields\"")) {
                      acknowledged.add(id);
                    } else if (!(answer.statusCode() == 503
                        && type.startsWith("application/json")
                        && answer.body().startsWith("{\"type\":")
                        && answer.headers().firstValue("Retry-After").isPresent())) {
                      wrong.add(answer.statusCode() + " " + type + " " + answer.body());
                    }
                  } catch (ConnectException refused) {
                    pause();
                  } catch (IOException reset) {
                    // Reset or closed before an answer: the listen queue dropped at port close.
                    pause();
                  }
                }
                return null;
              }));
    }
    // Under load: every client's writes are being acknowledged when the server is told to stop.
    await("writes acknowledged")
        .atMost(Duration.ofSeconds(60))
        .until(() -> acknowledged.size() >= 5 * CLIENTS);
    int before = acknowledged.size();
    int status = server.terminate(Duration.ofSeconds(60));
    running.set(false);
    for (Future<?> f : work) {
      f.get();
    }
    clients.shutdown();

    assertTrue(before > 0, "no write was acknowledged before the shutdown");
    assertEquals(143, status, "ayb server's exit status after SIGTERM");
    assertTrue(
        wrong.isEmpty(),
        "answers other than success or JSON 503: " + wrong.subList(0, Math.min(5, wrong.size())));
    Set<Integer> committed = committedIds(server.folder().resolve("ayb_data"));
    Set<Integer> lost =
        acknowledged.stream().filter(id -> !committed.contains(id)).collect(Collectors.toSet());
    assertTrue(lost.isEmpty(), lost.size() + " acknowledged writes are missing: " + lost);

    // A graceful stop otherwise: the launcher says so and reports no error, the port is closed and
    // Payara's unpacked runtime is gone from data_path.
    String out = Files.readString(server.folder().resolve("server-out.txt"));
    assertTrue(out.contains("Shutting down server...\n"), out);
    String err = Files.readString(server.folder().resolve("server-err.txt"));
    assertTrue(err.lines().noneMatch(line -> line.startsWith("Error: ")), err);
    URI url = URI.create(server.url());
    assertThrows(
        ConnectException.class,
        () -> new Socket(url.getHost(), url.getPort()).close(),
        "the port still accepts");
    Path data = server.folder().resolve("ayb_data");
    assertTrue(Files.isDirectory(data.resolve(".server")));
    assertFalse(
        Files.exists(data.resolve(".server/payara-root")),
        "Payara's runtime directory was left in data_path");
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Registers and confirms the user {@code entity}; its API token. */
  static String register(HttpClient http, RunningServer server, String entity) throws Exception {
    String address = entity + "@example.org";
    send(
        http,
        server,
        "/v1/register",
        null,
        "entity",
        entity,
        "email-address",
        address,
        "entity-type",
        "user");
    String token = null;
    for (String line : server.emails()) {
      int at = line.indexOf("ayb client confirm ");
      // The server may be shared: only the e-mail to this address counts.
      if (at >= 0 && line.contains("\"" + address + "\"")) {
        token = line.substring(at + "ayb client confirm ".length()).split("\"")[0];
      }
    }
    assertTrue(token != null, "no confirmation e-mail");
    HttpResponse<String> confirmed =
        send(http, server, "/v1/confirm", null, "authentication-token", token);
    String body = confirmed.body();
    return body.substring(body.indexOf("ayb_")).split("\"")[0];
  }

  /** Creates the private SQLite database {@code path} ({@code /v1/<entity>/<database>}). */
  static void create(HttpClient http, RunningServer server, String path, String bearer)
      throws Exception {
    send(
        http,
        server,
        path + "/create",
        bearer,
        "db-type",
        "sqlite",
        "public-sharing-level",
        "no-access");
  }

  static HttpResponse<String> send(
      HttpClient http, RunningServer server, String path, String bearer, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .timeout(Duration.ofSeconds(60))
            .POST(BodyPublishers.noBody());
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(2, answer.statusCode() / 100, path + " -> " + answer.body());
    return answer;
  }

  static HttpResponse<String> query(
      HttpClient http, RunningServer server, String path, String bearer, String sql)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path + "/query"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "text/plain")
            .POST(BodyPublishers.ofString(sql))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The ids in the hosted file, read directly once the server has stopped. */
  private static Set<Integer> committedIds(Path data) throws Exception {
    Path file;
    try (Stream<Path> files = Files.walk(data.resolve("databases").resolve("drain"))) {
      file =
          files
              .filter(p -> p.getFileName().toString().equals("load.sqlite"))
              .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .findFirst()
              .orElseThrow();
    }
    Set<Integer> ids = new TreeSet<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rows = db.createStatement().executeQuery("SELECT id FROM t")) {
      while (rows.next()) {
        ids.add(rows.getInt(1));
      }
    }
    return ids;
  }
}
