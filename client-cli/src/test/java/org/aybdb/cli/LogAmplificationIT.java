package org.aybdb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Abusive clients cannot fill the server's log: clients that disconnect in the middle of a large
 * answer, and malformed requests, add at most one line each to the log of `ayb server` (with its
 * shipped logging configuration), and never a stack trace. Before, each disconnect added about 230
 * lines (two SEVERE Jersey stack traces).
 */
@ExtendWith(SharedServer.class)
class LogAmplificationIT {

  private static final int DISCONNECTS = 20;

  /** Client mistakes refused at the HTTP server's edge or by its parser, each sent 25 times. */
  private static final List<String> MALFORMED =
      List.of(
          "GET /v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
          "GET /v1/tokens/. HTTP/1.1\r\nHost: x\r\n\r\n",
          "GET /health HTTP/1.1\r\nHost: a?b\r\n\r\n",
          "PROPFIND /v1/x HTTP/1.1\r\nHost: x\r\n\r\n",
          "G E T /health HTTP/1.1\r\nHost: x\r\n\r\n");

  private static RunningServer server;
  private static Path folder;

  /** The shared server: its shipped logging configuration and answers up to 64 MiB. */
  @BeforeAll
  static void useTheSharedServer(RunningServer shared) {
    server = shared;
    folder = shared.folder();
  }

  @Test
  void disconnectsAndMalformedRequestsAddAtMostOneLineEachAndNoStackTrace() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String token = ShutdownUnderLoadIT.register(http, server, "amplifier");
    String path = "/v1/amplifier/big.sqlite";
    ShutdownUnderLoadIT.create(http, server, path, token);
    String load =
        "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);"
            + " WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 60000)"
            + " INSERT INTO t SELECT i, printf('%0200d', i) FROM c; SELECT count(*) FROM t";
    assertEquals(200, ShutdownUnderLoadIT.query(http, server, path, token, load).statusCode());
    // The whole answer (about 12 MB) is far more than loopback's socket buffers hold.
    assertTrue(
        ShutdownUnderLoadIT.query(http, server, path, token, "SELECT * FROM t").body().length()
            > 10_000_000);

    Map<String, Integer> before = lineCounts();
    for (int i = 0; i < DISCONNECTS; i++) {
      disconnectMidAnswer(server, path + "/query", token);
    }
    int requests = DISCONNECTS;
    for (String request : MALFORMED) {
      for (int i = 0; i < 25; i++) {
        String answer = exchange(server, request);
        assertTrue(answer.startsWith("HTTP/1.1 4") || answer.startsWith("HTTP/1.1 5"), answer);
        requests++;
      }
    }
    // Still serving, and the log has been written out.
    assertEquals(
        200, ShutdownUnderLoadIT.query(http, server, path, token, "SELECT 1").statusCode());
    Thread.sleep(2000);

    List<String> added = linesSince(before);
    String sample = String.join("\n", added.subList(0, Math.min(40, added.size())));
    assertTrue(
        added.size() <= requests,
        added.size() + " log lines for " + requests + " abusive requests:\n" + sample);
    assertTrue(
        added.stream().noneMatch(line -> line.startsWith("\tat ") || line.contains("SEVERE")),
        "a stack trace or a SEVERE line for a client's doing:\n" + sample);
  }

  /** Asks for the whole table, reads the first bytes of the answer, then resets the connection. */
  private static void disconnectMidAnswer(RunningServer server, String path, String token)
      throws Exception {
    URI uri = URI.create(server.url());
    byte[] sql = "SELECT * FROM t".getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: text/plain\r\nContent-Length: "
                  + sql.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(sql);
      out.flush();
      byte[] start = new byte[1024];
      InputStream in = socket.getInputStream();
      assertTrue(in.read(start) > 0, "no answer started");
      socket.setSoLinger(true, 0); // close with a reset, as a killed client does
    }
  }

  /** Sends one raw request and returns the whole answer (the server closes after a refusal). */
  private static String exchange(RunningServer server, String request) throws Exception {
    URI uri = URI.create(server.url());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static final List<String> LOGS = List.of("server-out.txt", "server-err.txt");

  /** How many lines `ayb server` and its Payara Micro have written so far, per output. */
  private Map<String, Integer> lineCounts() throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    for (String name : LOGS) {
      counts.put(name, Files.readAllLines(folder.resolve(name), StandardCharsets.UTF_8).size());
    }
    return counts;
  }

  /**
   * The lines written since {@code counts} were taken, but for the snapshot runs' own lines (the
   * shared server snapshots its changed databases every second and logs each snapshot): those are
   * no client's doing.
   */
  private List<String> linesSince(Map<String, Integer> counts) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String name : LOGS) {
      List<String> all = Files.readAllLines(folder.resolve(name), StandardCharsets.UTF_8);
      all.subList(counts.get(name), all.size()).stream()
          .filter(line -> !SNAPSHOT_LOGGERS.matcher(line).find())
          .forEach(lines::add);
    }
    return lines;
  }

  /** The loggers of snapshot runs, as the shipped logging format names them: {@code [logger]}. */
  private static final Pattern SNAPSHOT_LOGGERS =
      Pattern.compile(
          "\\[org\\.aybdb\\.application\\.internal\\.(Snapshotter|ScheduledSnapshots)\\]");
}
