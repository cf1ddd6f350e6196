package org.aybdb.interfaces.database.rest;

import static org.aybdb.interfaces.rest.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.aybdb.config.AybConfiguration;
import org.aybdb.config.GoDuration;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.BothMetadataStores;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code [limits]} over HTTP against the real server and real daemons, once per metadata store:
 * fair sharing (rates and concurrency answered 429 with Retry-After, a bounded queue answered 503
 * with Retry-After, an owner's point query kept fast while anonymous callers saturate a public
 * database), quotas (databases and bytes per entity, with the usage the entity sees) and the
 * streamed query answer. The server runs with the {@code AYB__LIMITS__*} values of the failsafe
 * configuration; the test client is a trusted proxy, so {@code X-Forwarded-For} picks the anonymous
 * caller's address.
 */
@BothMetadataStores
class LimitsIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  /**
   * Runs until the server's time limit ({@code [sandbox] query_timeout}: 5 s in the failsafe
   * executions that run this class, 10 s by default): a slow query.
   */
  static final String SLOW =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

  @ServerUrl URL base;

  private ApiClient api;
  private DatabaseCalls calls;
  private TestAccounts accounts;
  private ExecutorService pool;

  @BeforeEach
  void clients() throws Exception {
    // Over loopback, the trusted proxy of the failsafe configuration (the container's own URL may
    // name the machine's external address, which is not trusted).
    api = new ApiClient(new URL("http", "127.0.0.1", base.getPort(), base.getPath()));
    calls = new DatabaseCalls(api);
    accounts = new TestAccounts(api);
    pool = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static int limit(String variable) {
    return Integer.parseInt(System.getenv(variable));
  }

  /** A limit of the server's configuration: its environment variable, else the default. */
  private static int limit(String variable, int byDefault) {
    String value = System.getenv(variable);
    return value == null ? byDefault : Integer.parseInt(value);
  }

  /** A duration of the server's configuration: its environment variable, else the default. */
  private static long millis(String variable, Duration byDefault) {
    String value = System.getenv(variable);
    return (value == null ? byDefault : GoDuration.parse(value)).toMillis();
  }

  /** An anonymous query from {@code address} (the trusted proxy forwards it). */
  private HttpResponse<String> anonymous(String address, String path, String sql) throws Exception {
    return api.send(
        api.request(path + "/query")
            .header("X-Forwarded-For", address)
            .header("Content-Type", "text/plain")
            .POST(BodyPublishers.ofString(sql, StandardCharsets.UTF_8)));
  }

  private CompletableFuture<HttpResponse<String>> async(Call call) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return call.run();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        pool);
  }

  @FunctionalInterface
  interface Call {
    HttpResponse<String> run() throws Exception;
  }

  private static void assertRefused(int status, HttpResponse<String> response, String words) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject body = json(response);
    assertEquals("Other", body.getString("type"));
    assertTrue(body.getString("message").contains(words), body.getString("message"));
    long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  // ---- e-mails per client
  // ---------------------------------------------------------------------------

  /** A registration e-mail for {@code entity}, asked for by {@code address} through the proxy. */
  private HttpResponse<String> register(String entity, String address) throws Exception {
    return api.send(
        api.request("/v1/register")
            .header("X-Forwarded-For", address)
            .header("entity", entity)
            .header("email-address", entity + "@example.org")
            .header("entity-type", "user")
            .POST(BodyPublishers.noBody()));
  }

  @Test
  void confirmationEmailLimitsCountTheClientBehindTheProxy() throws Exception {
    // [email] rate_limit_per_hour e-mails per entity in a rolling hour (the execution's value, else
    // the default), counted per client address: the address the trusted proxy forwards, not the
    // proxy's own.
    int perHour =
        limit(
            "AYB__EMAIL__RATE_LIMIT_PER_HOUR", AybConfiguration.Email.DEFAULT_RATE_LIMIT_PER_HOUR);
    String entity = TestAccounts.unique("mailcap");
    for (int i = 0; i < perHour; i++) {
      HttpResponse<String> sent = register(entity, "192.0.2.40");
      assertEquals(200, sent.statusCode(), sent.body());
    }
    HttpResponse<String> limited = register(entity, "192.0.2.40");
    assertEquals(429, limited.statusCode(), limited.body());
    assertTrue(json(limited).getString("message").contains("this entity"), limited.body());
    assertTrue(
        limited.headers().firstValue("Retry-After").isPresent(),
        limited.headers().map().toString());
    HttpResponse<String> elsewhere = register(entity, "192.0.2.41");
    assertEquals(200, elsewhere.statusCode(), elsewhere.body());
  }

  // ---- fair sharing
  // ------------------------------------------------------------------------------

  @Test
  void anonymousLoadOnAPublicDatabaseLeavesAnotherTenantsPointQueryFast() throws Exception {
    Account publisher = accounts.register("pub");
    String busy = "/v1/" + publisher.entity() + "/busy.sqlite";
    calls.createOrFail(publisher.bearer(), busy, "read-only");
    calls.queryOrFail(publisher.bearer(), busy, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    Account tenant = accounts.register("tenant");
    String own = "/v1/" + tenant.entity() + "/own.sqlite";
    calls.createOrFail(tenant.bearer(), own, "no-access");
    calls.queryOrFail(
        tenant.bearer(),
        own,
        "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t SELECT x, 'v' || x FROM"
            + " (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 10000)"
            + " SELECT x FROM c)");
    String point = "SELECT v FROM t WHERE id = 4242";
    List<Long> baseline = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long started = System.nanoTime();
      calls.queryOrFail(tenant.bearer(), own, point);
      baseline.add(millisSince(started));
    }

    // Eight anonymous callers from eight addresses start a slow query each on the public database.
    long queueWait =
        millis("AYB__LIMITS__QUEUE_WAIT", AybConfiguration.Limits.defaults().queueWait());
    List<CompletableFuture<HttpResponse<String>>> load = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      String address = "203.0.113." + i;
      load.add(async(() -> anonymous(address, busy, SLOW)));
    }
    Thread.sleep(500);
    // Its owner's write waits behind the one admitted, which runs on the database's only daemon
    // (its writer; a read could start a reader of its own beside it while the pool has room), then
    // is told to come back.
    long ownerStarted = System.nanoTime();
    CompletableFuture<HttpResponse<String>> ownersQuery =
        async(() -> calls.query(publisher.bearer(), busy, "UPDATE t SET x = x"));
    // Up to 20 point queries, each started while the admitted slow query still runs (until the
    // time limit): a measurement after the load ended would prove nothing.
    List<Long> loaded = new ArrayList<>();
    while (loaded.size() < 20 && load.stream().anyMatch(f -> !f.isDone())) {
      long started = System.nanoTime();
      HttpResponse<String> answer = calls.queryOrFail(tenant.bearer(), own, point);
      loaded.add(millisSince(started));
      assertEquals("{\"fields\":[\"v\"],\"rows\":[[\"v4242\"]]}", answer.body());
      Thread.sleep(50);
    }
    assertTrue(loaded.size() >= 10, "too few point queries ran under load: " + loaded);

    HttpResponse<String> owners = ownersQuery.get();
    long ownerWaited = millisSince(ownerStarted);
    assertRefused(503, owners, "busy");
    assertTrue(
        ownerWaited >= queueWait - 500 && ownerWaited < queueWait + 10_000,
        "queue_wait " + queueWait + " ms, took " + ownerWaited);
    int ran = 0;
    int refused = 0;
    for (CompletableFuture<HttpResponse<String>> f : load) {
      HttpResponse<String> r = f.get();
      if (r.statusCode() == 429) {
        assertRefused(429, r, "anonymous queries are running on this database");
        refused++;
      } else {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(json(r).getString("message").contains("time limit"), r.body());
        ran++;
      }
    }
    // [limits] anonymous_queries_per_database = 1: one ran to its time limit, the rest were
    // refused.
    assertEquals(1, ran);
    assertEquals(7, refused);
    Collections.sort(baseline);
    Collections.sort(loaded);
    long loadedMedian = loaded.get(loaded.size() / 2);
    long loadedMax = loaded.get(loaded.size() - 1);
    System.out.printf(
        "LimitsIT point query: baseline median %d ms max %d ms; under anonymous load (%d queries)"
            + " median %d ms max %d ms; owner of the busy database refused after %d ms%n",
        baseline.get(10), baseline.get(19), loaded.size(), loadedMedian, loadedMax, ownerWaited);
    // Generous for a loaded 2-core CI machine (it is a few ms when idle): the load may cost CPU,
    // never a wait behind the slow queries (each runs to the time limit).
    assertTrue(
        loadedMedian < baseline.get(10) + 500 && loadedMax < 3_000,
        "point query under load: " + loaded + ", baseline " + baseline);
    calls.queryOrFail(publisher.bearer(), busy, "SELECT x FROM t");
  }

  @Test
  void concurrentQueriesBeyondTheirLimitAre429() throws Exception {
    // An entity: [limits] concurrent_queries = 4 (the default) over its five databases.
    Account busy = accounts.register("conc");
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String path = "/v1/" + busy.entity() + "/d" + i + ".sqlite";
      calls.createOrFail(busy.bearer(), path, "no-access");
      paths.add(path);
    }
    // An anonymous address: anonymous_concurrent_queries = 2 over three public databases.
    Account publisher = accounts.register("open");
    List<String> open = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String path = "/v1/" + publisher.entity() + "/p" + i + ".sqlite";
      calls.createOrFail(publisher.bearer(), path, "read-only");
      calls.queryOrFail(publisher.bearer(), path, "CREATE TABLE t(x)");
      open.add(path);
    }
    List<CompletableFuture<HttpResponse<String>>> mine = new ArrayList<>();
    for (String path : paths) {
      mine.add(async(() -> calls.query(busy.bearer(), path, SLOW)));
      Thread.sleep(150);
    }
    List<CompletableFuture<HttpResponse<String>>> theirs = new ArrayList<>();
    for (String path : open) {
      theirs.add(async(() -> anonymous("198.51.100.77", path, SLOW)));
      Thread.sleep(150);
    }
    // Which one is refused depends on arrival order (a loaded machine may reorder them).
    assertEquals(List.of(400, 400, 400, 400, 429), sorted(statuses(mine)));
    assertRefused(429, refused(mine), "Too many queries of yours are running at once");
    assertEquals(List.of(400, 400, 429), sorted(statuses(theirs)));
    assertRefused(429, refused(theirs), "at most 2");
    // Places are given back: the same callers are served again.
    calls.queryOrFail(busy.bearer(), paths.get(4), "SELECT 1");
    assertEquals(200, anonymous("198.51.100.77", open.get(2), "SELECT 1").statusCode());
  }

  private static List<Integer> sorted(List<Integer> statuses) {
    return statuses.stream().sorted().toList();
  }

  private static HttpResponse<String> refused(List<CompletableFuture<HttpResponse<String>>> calls)
      throws Exception {
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      if (call.get().statusCode() == 429) {
        return call.get();
      }
    }
    throw new AssertionError("none refused");
  }

  private static List<Integer> statuses(List<CompletableFuture<HttpResponse<String>>> calls)
      throws Exception {
    List<Integer> out = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      out.add(call.get().statusCode());
    }
    return out;
  }

  @Test
  void queriesPerMinuteBeyondTheirLimitAre429() throws Exception {
    Account owner = accounts.register("rate");
    String path = "/v1/" + owner.entity() + "/r.sqlite";
    calls.createOrFail(owner.bearer(), path, "read-only");
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE t(x)");
    int perEntity = limit("AYB__LIMITS__QUERIES_PER_MINUTE");
    for (int i = 1; i < perEntity; i++) { // CREATE TABLE was the first
      calls.queryOrFail(owner.bearer(), path, "SELECT 1");
    }
    assertRefused(429, calls.query(owner.bearer(), path, "SELECT 1"), "per minute for an entity");

    int perAddress = limit("AYB__LIMITS__ANONYMOUS_QUERIES_PER_MINUTE");
    for (int i = 0; i < perAddress; i++) {
      assertEquals(200, anonymous("192.0.2.10", path, "SELECT 1").statusCode());
    }
    assertRefused(429, anonymous("192.0.2.10", path, "SELECT 1"), "per minute without a token");
    // Another address is counted on its own.
    assertEquals(200, anonymous("192.0.2.11", path, "SELECT 1").statusCode());
  }

  @Test
  void webUiPageViewsCountAgainstTheSameLimits() throws Exception {
    Account owner = accounts.register("uirate");
    String path = "/v1/" + owner.entity() + "/ui.sqlite";
    calls.createOrFail(owner.bearer(), path, "read-only");
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE t(x); INSERT INTO t VALUES (42)");
    String page = "/" + owner.entity() + "/ui.sqlite?sql=SELECT%20x%20FROM%20t";
    // A page view (its schema sidebar and the linked query together) is one query of the caller.
    HttpResponse<String> shown =
        api.send(api.request(page).header("X-Forwarded-For", "192.0.2.30").GET());
    assertEquals(200, shown.statusCode());
    assertFalse(shown.body().contains("Too many queries"), shown.body());
    int perAddress = limit("AYB__LIMITS__ANONYMOUS_QUERIES_PER_MINUTE");
    for (int i = 1; i < perAddress; i++) {
      assertEquals(200, anonymous("192.0.2.30", path, "SELECT 1").statusCode());
    }
    // The address has used its minute through the API: the page shows the refusal, runs nothing.
    HttpResponse<String> refused =
        api.send(api.request(page).header("X-Forwarded-For", "192.0.2.30").GET());
    assertTrue(refused.body().contains("per minute without a token"), refused.body());
    assertRefused(429, anonymous("192.0.2.30", path, "SELECT 1"), "per minute without a token");
    // Another address still sees the page's result.
    HttpResponse<String> other =
        api.send(api.request(page).header("X-Forwarded-For", "192.0.2.31").GET());
    assertFalse(other.body().contains("Too many queries"), other.body());
  }

  // ---- quotas
  // ------------------------------------------------------------------------------------

  @Test
  void aTenantHitsTheDatabaseQuota() throws Exception {
    Account owner = accounts.register("many");
    int max = limit("AYB__LIMITS__MAX_DATABASES_PER_ENTITY");
    for (int i = 0; i < max; i++) {
      calls.createOrFail(
          owner.bearer(), "/v1/" + owner.entity() + "/m" + i + ".sqlite", "no-access");
    }
    HttpResponse<String> refused =
        calls.create(
            owner.bearer(), "/v1/" + owner.entity() + "/one-more.sqlite", "sqlite", "no-access");
    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals(
        "{\"type\":\"Other\",\"message\":\"Database quota reached: "
            + owner.entity()
            + " has "
            + max
            + " databases, the most allowed ([limits] max_databases_per_entity)\"}",
        refused.body());
    JsonObject usage =
        json(calls.entityPage(owner.bearer(), owner.entity())).getJsonObject("usage");
    assertEquals(max, usage.getInt("databases"));
    assertEquals(max, usage.getInt("max_databases"));
    // Others do not see it.
    assertFalse(json(calls.entityPage(null, owner.entity())).containsKey("usage"));
  }

  @Test
  void aTenantHitsTheByteQuotaAndKeepsWhatWasCommitted() throws Exception {
    Account owner = accounts.register("bytes");
    String first = "/v1/" + owner.entity() + "/first.sqlite";
    String second = "/v1/" + owner.entity() + "/second.sqlite";
    calls.createOrFail(owner.bearer(), first, "no-access");
    calls.createOrFail(owner.bearer(), second, "no-access");
    String megabyte =
        "INSERT INTO t SELECT randomblob(1000) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL"
            + " SELECT i + 1 FROM c LIMIT 1200) SELECT i FROM c)";
    calls.queryOrFail(owner.bearer(), first, "CREATE TABLE t(b); " + megabyte);
    calls.queryOrFail(owner.bearer(), second, "CREATE TABLE t(b)");
    long max =
        json(calls.entityPage(owner.bearer(), owner.entity()))
            .getJsonObject("usage")
            .getJsonNumber("max_bytes")
            .longValue();
    assertEquals(2L << 20, max);

    // A second 1.2 MB would pass 2 MiB together with the first one, in either database.
    for (String path : List.of(first, second)) {
      HttpResponse<String> full = calls.query(owner.bearer(), path, megabyte);
      assertEquals(403, full.statusCode(), full.body());
      JsonObject body = json(full);
      assertEquals("QueryError", body.getString("type"));
      assertTrue(body.getString("message").startsWith("Storage quota exceeded"), full.body());
    }
    assertEquals(
        "{\"fields\":[\"count(*)\"],\"rows\":[[\"1200\"]]}",
        calls.queryOrFail(owner.bearer(), first, "SELECT count(*) FROM t").body());
    assertEquals(
        "{\"fields\":[\"count(*)\"],\"rows\":[[\"0\"]]}",
        calls.queryOrFail(owner.bearer(), second, "SELECT count(*) FROM t").body());
    JsonObject usage =
        json(calls.entityPage(owner.bearer(), owner.entity())).getJsonObject("usage");
    long bytes = usage.getJsonNumber("bytes").longValue();
    assertTrue(bytes > 1_000_000 && bytes <= max, "usage " + usage);
    // The quota cannot be lifted from SQL; freeing space makes room again.
    assertEquals(
        403, calls.query(owner.bearer(), first, "PRAGMA max_page_count = 1000000").statusCode());
    // Freed pages are reused without growing the file.
    calls.queryOrFail(owner.bearer(), first, "DELETE FROM t");
    calls.queryOrFail(owner.bearer(), first, megabyte);
  }

  // ---- the streamed answer
  // -----------------------------------------------------------------------

  @Test
  void aLongAnswerIsStreamedWithAyBsBody() throws Exception {
    Account owner = accounts.register("stream");
    String path = "/v1/" + owner.entity() + "/s.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");
    HttpResponse<String> answer =
        calls.queryOrFail(
            owner.bearer(),
            path,
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c LIMIT 30000)"
                + " SELECT i, 'row ' || i AS label, NULL AS empty FROM c");
    assertTrue(answer.headers().firstValue("Content-Length").isEmpty(), "streamed, not buffered");
    StringBuilder expected =
        new StringBuilder("{\"fields\":[\"i\",\"label\",\"empty\"],\"rows\":[");
    for (int i = 1; i <= 30000; i++) {
      expected
          .append(i == 1 ? "" : ",")
          .append("[\"")
          .append(i)
          .append("\",\"row ")
          .append(i)
          .append("\",null]");
    }
    assertEquals(expected.append("]}").toString(), answer.body());
    // A short answer is sent whole.
    HttpResponse<String> small = calls.queryOrFail(owner.bearer(), path, "SELECT 1 AS one");
    assertEquals("{\"fields\":[\"one\"],\"rows\":[[\"1\"]]}", small.body());
    assertEquals(
        String.valueOf(small.body().length()),
        small.headers().firstValue("Content-Length").orElse(null));
  }

  @Test
  void aFailureAfterTheAnswerStartedNeverLooksComplete() throws Exception {
    Account owner = accounts.register("cut");
    String path = "/v1/" + owner.entity() + "/cut.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");
    // About 400 kB of rows, then a row whose value takes past the time limit.
    String sql =
        "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c LIMIT 1000)"
            + " SELECT i, hex(zeroblob(200)), CASE WHEN i = 999 THEN (WITH RECURSIVE d(y) AS"
            + " (SELECT 1 UNION ALL SELECT y + 1 FROM d) SELECT max(y) FROM d) END FROM c";
    boolean broken;
    try {
      HttpResponse<String> answer = calls.query(owner.bearer(), path, sql);
      assertEquals(200, answer.statusCode(), "the status was sent before the failure");
      assertFalse(answer.body().endsWith("]}"), "never a complete-looking body");
      broken = true;
    } catch (java.io.IOException e) {
      broken = true; // the connection was aborted
    }
    assertTrue(broken);
    // The database serves the next query.
    calls.queryOrFail(owner.bearer(), path, "SELECT 1");
  }
}
