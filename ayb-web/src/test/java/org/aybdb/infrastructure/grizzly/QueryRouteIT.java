package org.aybdb.infrastructure.grizzly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.aybdb.interfaces.database.rest.DatabaseCalls;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Point queries are served from Payara's HTTP listener by a request handler of their own, next to
 * Payara's: both must share one kept-alive connection in any order, whatever a request leaves
 * unread, and read bodies however they are sent (chunked, after {@code 100 Continue}).
 */
class QueryRouteIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  @ServerUrl URL base;

  private Account owner;
  private String path;

  @BeforeEach
  void database() throws Exception {
    ApiClient api = new ApiClient(base);
    DatabaseCalls calls = new DatabaseCalls(api);
    owner = new TestAccounts(api).register("route");
    path = "/v1/" + owner.entity() + "/r.sqlite/query";
    calls.createOrFail(owner.bearer(), "/v1/" + owner.entity() + "/r.sqlite", "no-access");
  }

  @Test
  void queriesAndOtherRequestsShareOneKeptAliveConnection() throws Exception {
    try (Connection connection = new Connection()) {
      assertAnswer(connection.post(path, owner.bearer(), null, "SELECT 41 + 1 AS x"), 200, "42");
      Answer health = connection.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertEquals(200, health.status(), health.toString());
      // Refused before its body is read: the unread 256 kB must not be taken for a request.
      String unread = "SELECT '" + "x".repeat(256 << 10) + "'";
      Answer refused = connection.post(path, "Bearer not-a-token", null, unread);
      assertEquals(401, refused.status(), refused.toString());
      assertTrue(refused.body().startsWith("{\"type\":"), refused.body());
      // A JSON body goes to JAX-RS, on the same connection.
      assertAnswer(
          connection.post(path, owner.bearer(), "application/json", "{\"query\":\"SELECT 7\"}"),
          200,
          "7");
      assertAnswer(connection.post(path, owner.bearer(), null, "SELECT 'again'"), 200, "again");
    }
  }

  @Test
  void aChunkedBodyIsReadWhole() throws Exception {
    try (Connection connection = new Connection()) {
      connection.write(
          "POST "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
              + owner.bearer()
              + "\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "9\r\nSELECT 'c\r\n");
      Thread.sleep(200); // the second chunk arrives on its own
      connection.write("8\r\nhunked'\r\n0\r\n\r\n");
      assertAnswer(connection.read(), 200, "chunked");
    }
  }

  @Test
  void aBodyExpectingContinueIsAnswered() throws Exception {
    String sql = "SELECT 'continued'";
    try (Connection connection = new Connection()) {
      connection.write(
          "POST "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
              + owner.bearer()
              + "\r\nExpect: 100-continue\r\nContent-Length: "
              + sql.length()
              + "\r\n\r\n");
      assertEquals(100, connection.read().status());
      connection.write(sql);
      assertAnswer(connection.read(), 200, "continued");
    }
  }

  private static void assertAnswer(Answer answer, int status, String cell) {
    assertEquals(status, answer.status(), answer.toString());
    assertTrue(answer.body().endsWith("\"rows\":[[\"" + cell + "\"]]}"), answer.body());
  }

  /** An answer: status, headers (lower-cased names) and body. */
  record Answer(int status, Map<String, String> headers, String body) {}

  /** One kept-alive connection that sends requests and reads their answers one at a time. */
  private final class Connection implements AutoCloseable {
    private final Socket socket = new Socket(base.getHost(), base.getPort());
    private final OutputStream out = socket.getOutputStream();
    private final InputStream in = socket.getInputStream();

    Connection() throws IOException {
      socket.setSoTimeout(20_000);
    }

    Answer post(String target, String authorization, String type, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      write(
          "POST "
              + target
              + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
              + authorization
              + "\r\n"
              + (type == null ? "" : "Content-Type: " + type + "\r\n")
              + "Content-Length: "
              + bytes.length
              + "\r\n\r\n");
      out.write(bytes);
      out.flush();
      return read();
    }

    Answer send(String request) throws IOException {
      write(request);
      return read();
    }

    void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    Answer read() throws IOException {
      String statusLine = line();
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        headers.put(
            header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).strip());
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        for (int size = Integer.parseInt(line().strip(), 16); size > 0; ) {
          body.write(in.readNBytes(size));
          line();
          size = Integer.parseInt(line().strip(), 16);
        }
        line();
      } else if (headers.containsKey("content-length")) {
        body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
      }
      return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed after: " + line);
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
