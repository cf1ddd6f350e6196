package org.aybdb.infrastructure.grizzly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.aybdb.infrastructure.json.Jsons;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.web.UiRoutes;
import org.junit.jupiter.api.Test;

/**
 * Malformed requests over raw sockets against the real server: each answered with the right 4xx or
 * 5xx status and ayb's JSON error body, never an empty 200, an HTML page or a silent close; and a
 * seeded fuzz run over thousands of random requests that finds none of those either.
 */
class MalformedRequestsIT {

  @ServerUrl URL base;

  private RawHttp.Answer send(String request) throws Exception {
    return new RawHttp(base).send(request);
  }

  private static String get(String target, String hostLine) {
    return "GET " + target + " HTTP/1.1\r\n" + hostLine + "Connection: close\r\n\r\n";
  }

  private static JsonObject assertJsonError(RawHttp.Answer answer, int status) {
    assertEquals(status, answer.status(), answer.toString());
    assertTrue(
        String.valueOf(answer.header("Content-Type")).startsWith("application/json"),
        answer.toString());
    JsonObject body = Jsons.createReader(new StringReader(answer.body())).readObject();
    assertTrue(body.containsKey("type"), answer.body());
    assertFalse(body.getString("message", "").isBlank(), answer.body());
    return body;
  }

  @Test
  void aWriteWithABadPercentEscapeIsRefusedNotSilentlyDropped() throws Exception {
    String sql = "INSERT INTO t VALUES (1)";
    RawHttp.Answer answer =
        send(
            "POST /v1/e/r%zz.sqlite/query HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                + "Content-Length: "
                + sql.length()
                + "\r\nConnection: close\r\n\r\n"
                + sql);
    JsonObject body = assertJsonError(answer, 400);
    assertTrue(body.getString("message").contains("percent"), body.toString());
  }

  @Test
  void aBadPercentEscapeInTheQueryStringIsRefused() throws Exception {
    assertJsonError(send(get("/v1/%zz", "Host: localhost\r\n")), 400);
    assertJsonError(send(get("/health?x=%G1", "Host: localhost\r\n")), 400);
  }

  @Test
  void anEmptyMissingOrMalformedHostIsRefused() throws Exception {
    assertJsonError(send(get("/health", "Host:\r\n")), 400);
    assertJsonError(send(get("/health", "Host: a?b\r\n")), 400);
    assertJsonError(send(get("/health", "Host: a\r\nHost: b\r\n")), 400);
    assertJsonError(send("GET /health HTTP/1.0\r\n\r\n"), 400);
  }

  @Test
  void dotSegmentsAreRefused() throws Exception {
    for (String target : List.of("/v1/tokens/.", "/v1/../health", "/v1/%2e%2e/health", "/.")) {
      assertJsonError(send(get(target, "Host: localhost\r\n")), 400);
    }
  }

  @Test
  void controlBytesEncodedSlashesAndBackslashesInThePathAreRefused() throws Exception {
    for (String target :
        List.of("/v1/a%00b", "/v1/a%0d%0ab", "/v1/a%2Fb", "/v1/a%5Cb", "/v1/%ff")) {
      assertJsonError(send(get(target, "Host: localhost\r\n")), 400);
    }
  }

  @Test
  void requestLinesTheHttpParserRejectsAre400WithAybJson() throws Exception {
    for (String line :
        List.of("GET /he alth HTTP/1.1", "G E T /health HTTP/1.1", "GET /a\tb HTTP/1.1")) {
      RawHttp.Answer answer = send(line + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertJsonError(answer, 400);
    }
    // HTTP/1.1 without any Host header is refused by the parser itself.
    assertJsonError(send("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"), 400);
  }

  @Test
  void unknownMethodsAre501AndTraceOrWritesToMetricsAre405() throws Exception {
    assertJsonError(send("PROPFIND /health HTTP/1.1\r\nHost: localhost\r\n\r\n"), 501);
    RawHttp.Answer connect =
        send("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org\r\nConnection: close\r\n\r\n");
    assertJsonError(connect, 501);
    assertFalse(connect.timedOut(), "the connection stays open after CONNECT");
    RawHttp.Answer trace = send("TRACE /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertJsonError(trace, 405);
    assertTrue(trace.header("Allow") != null, trace.toString());
    // A write to the metrics: 405 for the management client (here by its token), the same 403 as
    // a GET for others. Both from a stranger's address: loopback is a management address itself.
    RawHttp raw = new RawHttp(base);
    RawHttp.Answer patch =
        raw.sendFromStranger(
            "PATCH /metrics HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                + "Authorization: Bearer "
                + System.getProperty("ayb.test.managementToken")
                + "\r\n\r\n");
    assertJsonError(patch, 405);
    assertEquals("GET, HEAD, OPTIONS", patch.header("Allow"));
    assertJsonError(
        raw.sendFromStranger(
            "POST /metrics HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n"),
        403);
  }

  @Test
  void theFacesPrefixAloneAndAnEmptyResourceNameAre404() throws Exception {
    for (String target : List.of("/static", "/static/jakarta.faces.resource/")) {
      RawHttp.Answer answer = send(get(target, "Host: localhost\r\n"));
      assertEquals(404, answer.status(), answer.toString());
    }
  }

  @Test
  void containerErrorsOnApiPathsAreAybJson() throws Exception {
    // The servlet container's own 404 for a path under the Faces prefix that is not a resource.
    RawHttp.Answer answer =
        send("DELETE /static/nothing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertEquals(404, answer.status(), answer.toString());
  }

  @Test
  void wellFormedRequestsStillPass() throws Exception {
    RawHttp.Answer health = send(get("/health", "Host: localhost:5433\r\n"));
    assertEquals(200, health.status(), health.toString());
    assertEquals("{\"status\":\"ok\"}", health.body());
    RawHttp.Answer encoded = send(get("/v1/entity%20name?x=%41", "Host: [::1]:80\r\n"));
    assertTrue(encoded.status() >= 400 && encoded.status() < 500, encoded.toString());
  }

  /**
   * A bounded, seeded fuzz run: random methods, targets (with percent-escapes, dot segments,
   * control bytes), Host values and bodies. No answer may be a 5xx other than 501, an empty 200, a
   * non-JSON error on an API path, or a silent close.
   */
  @Test
  void fuzzedRequestsGetTruthfulAnswers() throws Exception {
    Random random = new Random(20261202L);
    String[] methods = {
      "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND", "G@T"
    };
    String[] pieces = {
      "v1", "health", "metrics", "e", "db.sqlite", "query", "tokens", ".", "..", "%zz", "%2e",
      "%2F", "%00", "%C3%A9", "%ff", "%", "static", "register", "log_in", "a b", "\t", "x?y=%",
      ";jsessionid=1", "~", "%5C"
    };
    String[] hosts = {"localhost", "", "a?b", "[::1]", "127.0.0.1:1", "a b", "x.example:99999"};
    List<String> failures = new ArrayList<>();
    int cases = 2000;
    for (int i = 0; i < cases; i++) {
      String method = methods[random.nextInt(methods.length)];
      StringBuilder target = new StringBuilder();
      for (int n = random.nextInt(5); n >= 0; n--) {
        target.append('/').append(pieces[random.nextInt(pieces.length)]);
      }
      String host = hosts[random.nextInt(hosts.length)];
      String body = random.nextBoolean() ? "SELECT 1" : "";
      String request =
          method
              + " "
              + target
              + " HTTP/1.1\r\nHost: "
              + host
              + "\r\nContent-Type: text/plain\r\nContent-Length: "
              + body.length()
              + "\r\nConnection: close\r\n\r\n"
              + body;
      RawHttp.Answer answer = send(request);
      String problem = problem(method, target.toString(), answer);
      if (problem != null && failures.size() < 20) {
        failures.add(problem + " for " + request.replace("\r\n", "\\r\\n") + " -> " + answer);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static String problem(String method, String target, RawHttp.Answer answer) {
    int status = answer.status();
    if (status < 0) {
      return "no HTTP answer";
    }
    if (status >= 500 && status != 501 && status != 503) {
      return "server error " + status;
    }
    if (status == 200 && answer.body().isEmpty() && !method.equals("HEAD")) {
      return "empty 200";
    }
    // Page paths get the web UI's own error page, not JSON.
    boolean page =
        target.startsWith("/static")
            || (!method.equals("PUT")
                && !method.equals("PATCH")
                && !method.equals("DELETE")
                && Stream.of(
                        target, target.replaceAll(";[^/]*", ""), target.replaceAll("/;[^/]*", ""))
                    .anyMatch(path -> UiRoutes.route(path).isPresent()));
    if (status >= 400 && !method.equals("HEAD") && !page) {
      String type = String.valueOf(answer.header("Content-Type"));
      if (!type.startsWith("application/json") || !answer.body().startsWith("{\"type\":")) {
        return "non-JSON error";
      }
    }
    return null;
  }
}
