package org.aybdb.interfaces.edge;

import static org.aybdb.interfaces.rest.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.aybdb.interfaces.database.rest.DatabaseCalls;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.LoopbackSockets;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP edge under abuse, as an outside attacker tries it, against the real WAR on Payara Micro.
 * A "stranger" is a client connecting from 127.0.0.2, which the server sees as another network
 * address than the tests' usual 127.0.0.1 and not as a management address.
 */
class EdgeAbuseIT {

  private static final int RATE_LIMIT = Integer.getInteger("ayb.test.rateLimit", 10);
  private static final int MAX_CONNECTIONS = Integer.getInteger("ayb.test.maxConnectionsPerClient");
  private static final int BODY_TIMEOUT_SECONDS = Integer.getInteger("ayb.test.bodyTimeoutSeconds");

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  @ServerUrl URL base;

  private ApiClient api;
  private TestAccounts accounts;

  @BeforeEach
  void client() {
    api = new ApiClient(base);
    accounts = new TestAccounts(api);
  }

  private HttpResponse<String> patch(Account account, String body) throws Exception {
    return api.send(
        api.request("/v1/entity/" + account.entity())
            .header("Authorization", account.bearer())
            .header("Content-Type", "application/json")
            .method("PATCH", BodyPublishers.ofString(body)));
  }

  private static void assertBadRequest(HttpResponse<String> response, String messagePart) {
    assertEquals(400, response.statusCode(), response.body());
    JsonObject error = json(response);
    assertTrue(error.getString("message").contains(messagePart), response.body());
  }

  // ---- JSON bodies ----------------------------------------------------------------------------

  @Test
  void deeplyNestedJsonIsA400NotAStackOverflow() throws Exception {
    Account account = accounts.register("deep");
    assertBadRequest(patch(account, "[".repeat(1200)), "nesting is deeper than");
    assertBadRequest(
        patch(account, "{\"display_name\": " + "[".repeat(5000) + "]".repeat(5000) + "}"),
        "nesting is deeper than");
    // The links value is JSON inside JSON: the same limit applies to it.
    String links = Json.createObjectBuilder().add("links", "[".repeat(1200)).build().toString();
    assertBadRequest(patch(account, links), "Failed to parse links");
  }

  @Test
  void contentAfterTheJsonObjectIsRefused() throws Exception {
    Account account = accounts.register("trailing");
    assertBadRequest(
        patch(account, "{\"display_name\": \"Ada\"} {\"display_name\": \"Eve\"}"),
        "unexpected content after the JSON value");
    assertBadRequest(patch(account, "{\"display_name\": \"Ada\"} trailing"), "unexpected content");
    assertEquals(200, patch(account, "{\"display_name\": \"Ada\"}\n").statusCode());
  }

  @Test
  void profileTextWithNulOrALoneSurrogateIsRefusedOnEveryStore() throws Exception {
    Account account = accounts.register("nul");
    assertBadRequest(patch(account, "{\"display_name\": \"a\\u0000b\"}"), "NUL");
    assertBadRequest(patch(account, "{\"location\": \"x\\ud800y\"}"), "surrogate");
    assertBadRequest(patch(account, "{\"description\": \"\\udc00\"}"), "surrogate");
    HttpResponse<String> profile = api.send(api.request("/v1/entity/" + account.entity()));
    assertEquals(JsonValue.NULL, json(profile).getJsonObject("profile").get("display_name"));
  }

  @Test
  void aStalledBodyGets408AndFreesItsThread() throws Exception {
    Account account = accounts.register("slow");
    long started = System.nanoTime();
    Raw answer =
        fromStranger(
            "PATCH /v1/entity/"
                + account.entity()
                + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: "
                + account.bearer()
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                + "{\"display_");
    long millis = (System.nanoTime() - started) / 1_000_000L;
    System.out.println("A stalled body was answered after " + millis + " ms");
    assertEquals(408, answer.status(), answer.head() + "\n" + answer.body());
    assertTrue(answer.body().contains("did not arrive in time"), answer.body());
    // [http] body_timeout (3 s in these tests), not Grizzly's default of 40-60 s.
    assertTrue(millis >= (BODY_TIMEOUT_SECONDS - 1) * 1000L, "answered after " + millis + " ms");
    assertTrue(millis < (BODY_TIMEOUT_SECONDS + 5) * 1000L, "answered after " + millis + " ms");
  }

  @Test
  void aBodyTricklingInIsCutOffAtTheBodyTimeout() throws Exception {
    Account account = accounts.register("trickle");
    long started = System.nanoTime();
    try (Socket socket = strangerSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PATCH /v1/entity/"
                  + account.entity()
                  + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: "
                  + account.bearer()
                  + "\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      // One byte every 500 ms never stalls for long, but would take 200 s in all.
      Thread trickle =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 400; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(500);
                  }
                } catch (IOException | InterruptedException e) {
                  // the server closed the connection: what the test waits for
                }
              });
      trickle.setDaemon(true);
      trickle.start();
      Raw answer = read(socket);
      long millis = (System.nanoTime() - started) / 1_000_000L;
      System.out.println("A trickling body was answered after " + millis + " ms");
      assertEquals(408, answer.status(), answer.head() + "\n" + answer.body());
      assertTrue(answer.body().contains("did not arrive in time"), answer.body());
      assertTrue(millis < (BODY_TIMEOUT_SECONDS + 5) * 1000L, "answered after " + millis + " ms");
      trickle.interrupt();
    }
    // A body that arrives at once is not affected.
    assertEquals(200, patch(account, "{\"display_name\": \"Ada\"}").statusCode());
  }

  @Test
  void aLargeBodyThatKeepsUpTheMinimumRateMayTakeLongerThanTheBodyTimeout() throws Exception {
    Account account = accounts.register("steady");
    new DatabaseCalls(api)
        .createOrFail(account.bearer(), "/v1/" + account.entity() + "/steady.sqlite", "no-access");
    // 96 KiB of SQL (a comment, then a SELECT) in 4 KiB pieces every 150 ms: about 3.6 s in all,
    // past the body timeout (3 s here), at about 27 KiB/s, above [http] min_body_rate (16 KiB/s).
    byte[] sql =
        ("-- " + "x".repeat(96 * 1024 - 20) + "\nSELECT 42").getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    try (Socket socket = strangerSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/"
                  + account.entity()
                  + "/steady.sqlite/query HTTP/1.0\r\nHost: localhost\r\nAuthorization: "
                  + account.bearer()
                  + "\r\nContent-Type: text/plain\r\nContent-Length: "
                  + sql.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      for (int sent = 0; sent < sql.length; sent += 4096) {
        out.write(sql, sent, Math.min(4096, sql.length - sent));
        out.flush();
        Thread.sleep(150);
      }
      Raw answer = read(socket);
      long millis = (System.nanoTime() - started) / 1_000_000L;
      assertTrue(millis > BODY_TIMEOUT_SECONDS * 1000L, "sent within " + millis + " ms");
      assertEquals(200, answer.status(), answer.head() + "\n" + answer.body());
      assertEquals("{\"fields\":[\"42\"],\"rows\":[[\"42\"]]}", answer.body());
    }
  }

  // ---- connections ------------------------------------------------------------------------------

  @Test
  void aClientAddressHoldsAtMostMaxConnectionsPerClient() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_CONNECTIONS; i++) {
        held.add(strangerSocket());
      }
      // The cap is counted when a connection is accepted: give the server a moment to see them.
      Thread.sleep(500);
      Raw refused = fromStranger("GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n");
      assertEquals(429, refused.status(), refused.head() + "\n" + refused.body());
      assertTrue(refused.head().contains("Retry-After: "), refused.head());
      assertTrue(refused.body().contains("Too many open connections"), refused.body());
      assertEquals(
          "Other",
          Json.createReader(new StringReader(refused.body())).readObject().getString("type"));
      // Another address is not affected.
      Raw other = from("127.0.0.3", "GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n");
      assertEquals(200, other.status(), other.head());
      // A held connection is still served, and closing it makes room.
      Socket first = held.remove(0);
      Raw served = exchange(first, "GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n");
      assertEquals(200, served.status(), served.head());
      Raw again = null;
      for (int i = 0; i < 50 && (again == null || again.status() != 200); i++) {
        Thread.sleep(100);
        again = fromStranger("GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n");
      }
      assertEquals(200, again.status(), again.head());
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
    // Loopback is a management address (by default), never capped.
    List<Socket> local = new ArrayList<>();
    try {
      for (int i = 0; i <= MAX_CONNECTIONS; i++) {
        local.add(socketFrom("127.0.0.1"));
      }
      Raw served =
          exchange(local.get(MAX_CONNECTIONS), "GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n");
      assertEquals(200, served.status(), served.head());
    } finally {
      for (Socket socket : local) {
        socket.close();
      }
    }
  }

  // ---- paths ------------------------------------------------------------------------------------

  @Test
  void theKelvinSignDoesNotReachTheEntityK() throws Exception {
    Account account = accounts.register("kelvin");
    assertEquals(200, api.send(api.request("/v1/entity/" + account.entity())).statusCode());
    // U+212A KELVIN SIGN lower-cases to "k" in Unicode; it must not name entity "kelvin-...".
    String kelvin = "%E2%84%AA" + account.entity().substring(1);
    HttpResponse<String> response = api.send(api.request("/v1/entity/" + kelvin));
    assertEquals(404, response.statusCode(), response.body());
    assertFalse(response.body().contains(account.entity()), response.body());
  }

  // ---- e-mail addresses and log-in --------------------------------------------------------------

  @Test
  void otherSpellingsOfAnAddressAreRefused() throws Exception {
    for (String address :
        List.of("\"v\"@example.org", "\"\\v\\i\\c\"@example.org", "v@[127.0.0.1]")) {
      HttpResponse<String> response =
          api.send(
              api.request("/v1/register")
                  .header("entity", TestAccounts.unique("alias"))
                  .header("email-address", address)
                  .header("entity-type", "user")
                  .POST(BodyPublishers.noBody()));
      assertBadRequest(response, "Invalid email address");
    }
  }

  @Test
  void aStrangerCannotLockTheOwnerOut() throws Exception {
    Account victim = accounts.register("victim");
    String logIn =
        "POST /v1/log_in HTTP/1.0\r\nHost: localhost\r\nentity: "
            + victim.entity()
            + "\r\nContent-Length: 0\r\n\r\n";
    int lastStatus = 0;
    for (int i = 0; i <= RATE_LIMIT; i++) {
      lastStatus = fromStranger(logIn).status();
    }
    assertEquals(429, lastStatus, "the stranger is limited");
    // The owner, from her own address, still gets her log-in e-mail.
    HttpResponse<String> own =
        api.send(
            api.request("/v1/log_in")
                .header("entity", victim.entity())
                .POST(BodyPublishers.noBody()));
    assertEquals(200, own.statusCode(), own.body());
  }

  @Test
  void openingAConfirmationLinkLogsNobodyInAndKeepsTheToken() throws Exception {
    Account owner = accounts.register("confirm");
    HttpResponse<String> asked =
        api.send(
            api.request("/v1/log_in")
                .header("entity", owner.entity())
                .POST(BodyPublishers.noBody()));
    assertEquals(200, asked.statusCode(), asked.body());
    String token = lastTokenTo(owner.entity() + "@example.org");
    // A mail scanner (or a stranger's planted link) GETs the page: it names the entity, logs
    // nobody in, and the single-use token still works afterwards.
    Raw page = fromStranger("GET /confirm/" + token + " HTTP/1.0\r\nHost: localhost\r\n\r\n");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains(owner.entity()), page.body());
    assertTrue(page.body().contains("Confirm"), page.body());
    HttpResponse<String> confirmed =
        api.send(
            api.request("/v1/confirm")
                .header("authentication-token", token)
                .POST(BodyPublishers.noBody()));
    assertEquals(200, confirmed.statusCode(), confirmed.body());
  }

  /** The newest confirmation token mailed to {@code address}, from the server's e-mail log. */
  private static String lastTokenTo(String address) throws IOException {
    Path log = Path.of(System.getenv("AYB__DATA_PATH")).resolve("emails.jsonl");
    String token = null;
    for (String line : Files.readAllLines(log)) {
      JsonObject message = Json.createReader(new StringReader(line)).readObject();
      if (message.getString("to").equals(address)) {
        for (JsonString text : message.getJsonArray("content").getValuesAs(JsonString.class)) {
          String content = text.getString();
          int at = content.indexOf("ayb client confirm ");
          if (content.startsWith("\t") && at >= 0) {
            token = content.substring(at + 19).strip();
          }
        }
      }
    }
    assertTrue(token != null, "no token mailed to " + address);
    return token;
  }

  // ---- outbound fetches -------------------------------------------------------------------------

  @Test
  void profileLinksToLoopbackAreNeverConnectedTo() throws Exception {
    Account account = accounts.register("ssrf");
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket listener = new ServerSocket()) {
      listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      Thread acceptor =
          new Thread(
              () -> {
                while (!listener.isClosed()) {
                  try (Socket ignored = listener.accept()) {
                    connections.incrementAndGet();
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      int port = listener.getLocalPort();
      List<String> urls = new ArrayList<>();
      for (String host :
          List.of(
              "127.0.0.1",
              "localhost",
              "[::1]",
              "[::ffff:127.0.0.1]",
              "2130706433",
              "0x7f000001",
              "127.1",
              "0")) {
        urls.add("https://" + host + ":" + port + "/");
      }
      var array = Json.createArrayBuilder();
      urls.forEach(url -> array.add(Json.createObjectBuilder().add("url", url)));
      String body =
          Json.createObjectBuilder().add("links", array.build().toString()).build().toString();
      assertEquals(200, patch(account, body).statusCode());
      Thread.sleep(500);
    }
    assertEquals(0, connections.get(), "nothing reached the listener on loopback");
  }

  @Test
  void linkChecksAreRateLimitedPerEntity() throws Exception {
    Account account = accounts.register("linkflood");
    var array = Json.createArrayBuilder();
    for (int i = 0; i < 20; i++) {
      // Not https: never fetched, but each counts against the entity's link checks.
      array.add(Json.createObjectBuilder().add("url", "http://example.org/" + i));
    }
    String body =
        Json.createObjectBuilder().add("links", array.build().toString()).build().toString();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, patch(account, body).statusCode());
    }
    HttpResponse<String> refused = patch(account, body);
    assertEquals(429, refused.statusCode(), refused.body());
    assertTrue(refused.headers().firstValue("Retry-After").isPresent());
  }

  // ---- metrics and health -----------------------------------------------------------------------

  @Test
  void inventedMethodsDoNotGrowTheMetrics() throws Exception {
    for (int i = 0; i < 5; i++) {
      // Refused at the edge (MalformedRequestFilter): they never reach the application's metrics.
      Raw invented =
          fromStranger("INVENTED" + i + " /v1/entity/nobody HTTP/1.0\r\nHost: localhost\r\n\r\n");
      assertEquals(501, invented.status(), invented.head());
    }
    api.send(api.request("/v1/entity/nobody"));
    HttpResponse<String> metrics =
        api.send(api.management("/metrics").header("Accept", "text/plain"));
    assertEquals(200, metrics.statusCode());
    assertFalse(metrics.body().contains("INVENTED"), "no label per invented method");
    assertTrue(metrics.body().contains("route=\"/v1/entity/{entity}\""), "routes are templates");
    assertFalse(metrics.body().contains("nobody"), "no path in any label");
  }

  @Test
  void payarasOwnEndpointsAreOnlyForManagementAddresses() throws Exception {
    for (String path : List.of("/metrics", "/metrics/base", "/metrics/application", "/openapi/")) {
      Raw stranger = fromStranger("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n");
      assertEquals(403, stranger.status(), path + ": " + stranger.head());
      assertTrue(stranger.body().contains("management"), stranger.body());
      assertFalse(stranger.body().contains("ayb_"), stranger.body());
      Raw guess =
          fromStranger(
              "GET "
                  + path
                  + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer guess\r\n\r\n");
      assertEquals(403, guess.status(), path + ": " + guess.head());
      for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
        // The same 403 whatever the method: a 405 would tell a stranger what is there.
        Raw write =
            fromStranger(
                method + " " + path + " HTTP/1.0\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
        assertEquals(403, write.status(), method + " " + path + ": " + write.head());
        assertTrue(write.body().contains("management"), write.body());
      }
    }
    // One API request first, so that the scrape has an ayb_http_requests sample whatever the order
    // in which this class's tests run.
    api.send(api.request("/v1/entity/nobody"));
    String scrape =
        "GET /metrics HTTP/1.0\r\nHost: localhost\r\nAccept: text/plain\r\n"
            + "Authorization: Bearer "
            + System.getProperty("ayb.test.managementToken")
            + "\r\n\r\n";
    Raw withToken = fromStranger(scrape);
    assertEquals(200, withToken.status(), withToken.head());
    assertTrue(withToken.body().contains("ayb_http_requests"), withToken.body());
    Raw local =
        from("127.0.0.1", "GET /metrics HTTP/1.0\r\nHost: localhost\r\nAccept: text/plain\r\n\r\n");
    assertEquals(200, local.status(), local.head());
    assertTrue(local.body().contains("ayb_http_requests"), local.body());
  }

  @Test
  void payarasOwnEndpointsStayGuardedHoweverTheirPathIsSpelledOrRelayed() throws Exception {
    // The container decodes the path and merges runs of slashes before it maps a request.
    for (String path : List.of("//metrics", "/%6Detrics", "//metrics/base", "/%6Fpenapi/")) {
      Raw stranger = fromStranger("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n");
      assertEquals(403, stranger.status(), path + ": " + stranger.head());
      assertFalse(stranger.body().contains("ayb_"), stranger.body());
    }
    // Behind a reverse proxy on the same host every client arrives from loopback; what the proxy
    // relays is its client's request and gets in with the management token only.
    for (String relay : List.of("X-Forwarded-For: 203.0.113.9", "Forwarded: for=203.0.113.9")) {
      Raw relayed =
          from("127.0.0.1", "GET /metrics HTTP/1.0\r\nHost: localhost\r\n" + relay + "\r\n\r\n");
      assertEquals(403, relayed.status(), relay + ": " + relayed.head());
      Raw details =
          from(
              "127.0.0.1",
              "GET /health/ready HTTP/1.0\r\nHost: localhost\r\n" + relay + "\r\n\r\n");
      assertEquals("{\"status\":\"UP\"}", details.body(), relay);
    }
  }

  @Test
  void healthDetailsAreOnlyForManagementAddresses() throws Exception {
    Raw ready = fromStranger("GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n");
    assertEquals(200, ready.status(), ready.body());
    assertEquals("{\"status\":\"UP\"}", ready.body());
    Raw live = fromStranger("GET /health/live HTTP/1.0\r\nHost: localhost\r\n\r\n");
    assertFalse(live.body().contains("checks"), live.body());
    assertEquals(
        "{\"status\":\"ok\"}",
        fromStranger("GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n").body());
    // Loopback is a management address by default, and the token works from anywhere.
    Raw local = from("127.0.0.1", "GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n");
    assertTrue(local.body().contains("\"checks\""), local.body());
    Raw withToken =
        fromStranger(
            "GET /health/ready HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer "
                + System.getProperty("ayb.test.managementToken")
                + "\r\n\r\n");
    assertTrue(withToken.body().contains("\"checks\""), withToken.body());
    Raw wrongToken =
        fromStranger(
            "GET /health/ready HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer guess\r\n\r\n");
    assertEquals("{\"status\":\"UP\"}", wrongToken.body());
  }

  @Test
  void answersDoNotNameTheServerSoftware() throws Exception {
    for (String path : List.of("/health", "/v1/no/such/thing", "/")) {
      Raw answer = fromStranger("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n");
      String head = answer.head().toLowerCase(java.util.Locale.ROOT);
      assertFalse(head.contains("\nserver:"), answer.head());
      assertFalse(head.contains("\nx-powered-by:"), answer.head());
    }
  }

  @Test
  void cookieLessPageViewsCannotPileUpSessions() throws Exception {
    // Default [http] max_sessions_per_client = 100 anonymous sessions per client address.
    List<String> cookies = new ArrayList<>();
    for (int i = 0; i <= 100; i++) {
      Raw page = fromStranger("GET /log_in HTTP/1.0\r\nHost: localhost\r\n\r\n");
      assertEquals(200, page.status(), page.head());
      cookies.add(sessionCookie(page).orElseThrow(() -> new AssertionError(page.head())));
    }
    // The least recently used was ended to make room: presenting it gets a fresh session.
    Raw oldest =
        fromStranger(
            "GET /log_in HTTP/1.0\r\nHost: localhost\r\nCookie: " + cookies.get(0) + "\r\n\r\n");
    assertTrue(sessionCookie(oldest).isPresent(), "the oldest session ended: " + oldest.head());
    Raw newest =
        fromStranger(
            "GET /log_in HTTP/1.0\r\nHost: localhost\r\nCookie: " + cookies.get(100) + "\r\n\r\n");
    assertFalse(sessionCookie(newest).isPresent(), "the newest lives on: " + newest.head());
  }

  @Test
  void cookieLessViewsOfTheHomePageCreateNoSession() throws Exception {
    for (int i = 0; i < 200; i++) {
      Raw page = fromStranger("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n");
      assertEquals(200, page.status(), page.head());
      assertFalse(sessionCookie(page).isPresent(), "view " + i + " made a session: " + page.head());
    }
  }

  private static java.util.Optional<String> sessionCookie(Raw answer) {
    return answer
        .head()
        .lines()
        .filter(
            line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("set-cookie: jsessionid="))
        .map(line -> line.substring("set-cookie: ".length()).split(";")[0])
        .findFirst();
  }

  // ---- a client on another address ----------------------------------------------------------

  private record Raw(int status, String head, String body) {}

  /** Sends {@code request} (HTTP/1.0, so the answer is not chunked) from 127.0.0.2. */
  private Raw fromStranger(String request) throws IOException {
    return from(LoopbackSockets.STRANGER, request);
  }

  private Raw from(String source, String request) throws IOException {
    try (Socket socket = socketFrom(source)) {
      return exchange(socket, request);
    }
  }

  private Socket strangerSocket() throws IOException {
    return socketFrom(LoopbackSockets.STRANGER);
  }

  /** A connection to the server from {@code source}. */
  private Socket socketFrom(String source) throws IOException {
    Socket socket = LoopbackSockets.connect(source, base.getPort());
    socket.setSoTimeout(120_000);
    return socket;
  }

  private static Raw exchange(Socket socket, String request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return read(socket);
  }

  /** Reads the answer up to the end of the stream (or a reset after it: the body was unread). */
  private static Raw read(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (java.net.SocketException e) {
      if (bytes.size() == 0) {
        throw e;
      }
    }
    String answer = bytes.toString(StandardCharsets.UTF_8);
    int split = answer.indexOf("\r\n\r\n");
    String head = split < 0 ? answer : answer.substring(0, split);
    String body = split < 0 ? "" : answer.substring(split + 4);
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    return new Raw(status, head, body);
  }
}
