package org.aybdb.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aybdb.interfaces.database.rest.DatabaseCalls;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The foundation over HTTP against the real WAR on the real Payara Micro: health, readiness, error
 * bodies for unknown paths and methods, CORS, and metrics on {@code /metrics} (read with the
 * management token) that follow the Prometheus conventions: valid names, counters ending in {@code
 * _total}, durations in seconds, the base unit, in every sample of a timer ({@code _sum}, {@code
 * _mean}, {@code _max} and the quantiles alike). Runs once per metadata store.
 */
@BothMetadataStores
class HttpApiFoundationIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  private static final Pattern SAMPLE =
      // Label values may hold braces themselves (route templates such as /v1/{entity}).
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (\\S+)");

  /**
   * Longer than any request of this test could take in seconds, shorter than any in nanoseconds.
   */
  private static final double MOST_SECONDS = 1000;

  @ServerUrl URL base;

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return new ApiClient(base).send(request);
  }

  private HttpRequest.Builder request(String path) {
    return new ApiClient(base).request(path);
  }

  /** {@code request} with the management token: health details are for management clients. */
  static HttpRequest.Builder management(HttpRequest.Builder request) {
    return request.header(
        "Authorization", "Bearer " + System.getProperty("ayb.test.managementToken"));
  }

  private static JsonObject json(HttpResponse<String> response) {
    return ApiClient.json(response);
  }

  @Test
  void healthAnswersOkOnceTheMetadataStoreAnswers() throws Exception {
    HttpResponse<String> response = send(request("/health"));
    assertEquals(200, response.statusCode());
    assertEquals("{\"status\":\"ok\"}", response.body());
  }

  @Test
  void readinessReportsTheRealChecks() throws Exception {
    HttpResponse<String> response = send(management(request("/health/ready")));
    assertEquals(200, response.statusCode(), response.body());
    JsonObject body = json(response);
    assertEquals("UP", body.getString("status"));
    var checks =
        body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    assertEquals("UP", checks.get("metadata-store"), body.toString());
    assertEquals("UP", checks.get("data-path"), body.toString());
    // The query sandbox was verified at start-up (this machine enforces it: fail closed otherwise).
    assertEquals("UP", checks.get("query-sandbox"), body.toString());
    String sandbox =
        body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("query-sandbox"))
            .findFirst()
            .orElseThrow()
            .getJsonObject("data")
            .getString("status");
    assertTrue(sandbox.startsWith("sandboxed: sandboxed landlock="), sandbox);
    assertTrue(sandbox.contains("; daemons "), sandbox);
  }

  @Test
  void livenessReportsTheDataPath() throws Exception {
    HttpResponse<String> response = send(management(request("/health/live")));
    assertEquals(200, response.statusCode(), response.body());
    JsonObject body = json(response);
    assertEquals("UP", body.getString("status"));
    assertTrue(body.getJsonArray("checks").toString().contains("data-path"), body.toString());
  }

  @Test
  void unknownPathGetsAybsJsonErrorNotAnHtmlPage() throws Exception {
    HttpResponse<String> response = send(request("/v1/no/such/thing/here"));
    assertEquals(404, response.statusCode());
    JsonObject body = json(response);
    assertEquals("Other", body.getString("type"));
    assertEquals("No such endpoint: GET /v1/no/such/thing/here", body.getString("message"));
    assertFalse(response.body().contains("Exception"), response.body());
  }

  @Test
  void wrongMethodGetsA405JsonError() throws Exception {
    HttpResponse<String> response = send(request("/health").DELETE());
    assertEquals(405, response.statusCode());
    JsonObject body = json(response);
    assertEquals("Other", body.getString("type"));
    assertTrue(
        body.getString("message").startsWith("Method DELETE is not allowed for /health"),
        body.toString());
    assertTrue(
        response.headers().firstValue("Allow").orElse("").contains("GET"),
        response.headers().map().toString());
  }

  @Test
  void corsPreflightAllowsAuthorizationAndContentType() throws Exception {
    String origin = allowedOrigin();
    HttpResponse<String> response =
        send(
            request("/v1/someone/some.sqlite/query")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(origin, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertEquals("7200", response.headers().firstValue("Access-Control-Max-Age").orElse(null));
    String allowedHeaders =
        response.headers().firstValue("Access-Control-Allow-Headers").orElse("");
    assertTrue(
        allowedHeaders.contains("authorization") && allowedHeaders.contains("content-type"),
        allowedHeaders);
    assertTrue(
        response.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
  }

  @Test
  void corsHeadersOnAnOrdinaryResponse() throws Exception {
    String origin = allowedOrigin();
    HttpResponse<String> response = send(request("/health").header("Origin", origin));
    assertEquals(200, response.statusCode());
    assertEquals(origin, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
  }

  @Test
  void corsRefusesAnOriginOtherThanTheConfiguredOne() throws Exception {
    boolean anyOrigin = "*".equals(System.getProperty("ayb.test.cors"));
    HttpResponse<String> response =
        send(
            request("/health")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET"));
    if (anyOrigin) {
      assertEquals(200, response.statusCode());
      assertEquals(
          "https://evil.example.com",
          response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    } else {
      assertEquals(403, response.statusCode());
      assertEquals("Other", json(response).getString("type"));
      assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }
  }

  @Test
  void metricsCountAndTimeApiRequests() throws Exception {
    // The server has served the earlier IT classes too: the three requests show as an increase.
    double before = healthRequestsAnswered();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, send(request("/health")).statusCode());
    }
    double after = healthRequestsAnswered();
    assertTrue(after >= before + 3, before + " then " + after);
  }

  /** The count of GET /health requests answered 2xx, 0 before the first. */
  private double healthRequestsAnswered() throws Exception {
    HttpResponse<String> metrics =
        send(management(request("/metrics")).header("Accept", "text/plain"));
    assertEquals(200, metrics.statusCode(), metrics.body());
    return metrics
        .body()
        .lines()
        .filter(
            l ->
                l.startsWith("ayb_http_requests_seconds_count")
                    && l.contains("method=\"GET\"")
                    && l.contains("route=\"/health\"")
                    && l.contains("status=\"2xx\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }

  @Test
  void metricsShowTheQueryDaemonPool() throws Exception {
    HttpResponse<String> metrics =
        send(management(request("/metrics")).header("Accept", "text/plain"));
    assertEquals(200, metrics.statusCode(), metrics.body());
    List<String> pool = metrics.body().lines().filter(l -> l.startsWith("ayb_sandbox_")).toList();
    String max =
        pool.stream()
            .filter(l -> l.startsWith("ayb_sandbox_daemons_max"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no pool bound in\n" + metrics.body()));
    assertEquals(16.0, Double.parseDouble(max.substring(max.lastIndexOf(' ') + 1)), max);
    for (String name :
        List.of(
            "ayb_sandbox_daemons{",
            "ayb_sandbox_spawns_seconds_count",
            "ayb_sandbox_spawn_failures_total",
            "ayb_sandbox_crashes_total",
            "ayb_sandbox_evictions_total")) {
      assertTrue(pool.stream().anyMatch(l -> l.startsWith(name)), name + " missing in " + pool);
    }
    assertTrue(
        pool.stream()
            .anyMatch(
                l -> l.startsWith("ayb_sandbox_evictions_total") && l.contains("reason=\"lru\"")),
        pool.toString());
  }

  @Test
  void errorBodiesAreJsonEvenForMalformedPaths() throws Exception {
    HttpResponse<String> response = send(request("/v1/%7B%7D/x"));
    assertEquals(404, response.statusCode());
    assertTrue(json(response).containsKey("message"));
    assertEquals(JsonValue.ValueType.STRING, json(response).get("type").getValueType());
  }

  private static String allowedOrigin() {
    String configured = System.getProperty("ayb.test.cors", "*");
    return "*".equals(configured) ? "https://any.example.net" : configured;
  }

  @Test
  void aybTimersAreInSecondsInEverySampleAndNamesFollowPrometheus() throws Exception {
    ApiClient api = new ApiClient(base);
    Account owner = new TestAccounts(api).register("metrics");
    DatabaseCalls calls = new DatabaseCalls(api);
    String path = "/v1/" + owner.entity() + "/units.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    calls.queryOrFail(owner.bearer(), path, "SELECT x FROM t");

    HttpResponse<String> metrics =
        api.send(api.management("/metrics").header("Accept", "text/plain"));
    assertEquals(200, metrics.statusCode(), metrics.body());
    List<String> problems = new ArrayList<>();
    int timerSamples = 0;
    boolean queries = false;
    for (String line : metrics.body().lines().toList()) {
      if (line.startsWith("#") || line.isBlank()) {
        if (line.startsWith("# TYPE ayb_") && line.endsWith(" counter")) {
          String name = line.split(" ")[2];
          if (!name.endsWith("_total")) {
            problems.add("counter without _total: " + name);
          }
        }
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertTrue(m.matches(), "not a Prometheus sample: " + line);
      String name = m.group(1);
      if (!name.startsWith("ayb_")) {
        continue;
      }
      if (name.matches(".*_(nanoseconds|milliseconds|microseconds)(_.*)?")) {
        problems.add("duration not in seconds: " + line);
      }
      if (name.matches(".*_seconds_bucket")) {
        // A histogram bucket's bound (le) is the duration; its value is a count.
        timerSamples++;
        Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(String.valueOf(m.group(2)));
        if (!le.find()) {
          problems.add("bucket without le: " + line);
        } else if (!le.group(1).equals("+Inf")
            && (Double.parseDouble(le.group(1)) <= 0
                || Double.parseDouble(le.group(1)) > MOST_SECONDS)) {
          problems.add("bucket bound not in seconds: " + line);
        }
      } else if (name.matches(".*_seconds(_sum|_mean|_max)?")) {
        timerSamples++;
        queries |= name.startsWith("ayb_sandbox_queries_seconds");
        double value = Double.parseDouble(m.group(3));
        if (name.endsWith("_sum")) {
          // A sum grows with every request the server has timed since it started (the whole
          // run's): its mean over the series' count is the duration to check.
          value /= Math.max(1, countOf(metrics.body(), name, m.group(2)));
        }
        if (value < 0 || value > MOST_SECONDS) {
          problems.add("not in seconds: " + line);
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(queries, "no ayb_sandbox_queries_seconds samples in\n" + metrics.body());
    // Sum, mean, max and at least the buckets of the HTTP, query and spawn timers.
    assertTrue(timerSamples > 30, "too few timer samples: " + timerSamples);
    assertFalse(metrics.body().contains("ayb_http_requests_seconds_seconds"), metrics.body());
  }

  /** The {@code _count} sample of the timer series whose {@code _sum} is {@code sumName}. */
  private static double countOf(String metrics, String sumName, String labels) {
    String count = sumName.substring(0, sumName.length() - "_sum".length()) + "_count";
    String prefix = count + (labels == null ? "" : labels) + " ";
    return metrics
        .lines()
        .filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + "sample beside " + sumName));
  }
}
