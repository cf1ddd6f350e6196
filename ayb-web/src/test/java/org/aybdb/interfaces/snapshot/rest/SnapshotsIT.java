package org.aybdb.interfaces.snapshot.rest;

import static org.awaitility.Awaitility.await;
import static org.aybdb.interfaces.rest.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.aybdb.interfaces.database.rest.DatabaseCalls;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.S3TestServer;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.aybdb.interfaces.rest.WatchesSnapshotRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Snapshots end to end: the deployed WAR on Payara Micro snapshots every second (the build's {@code
 * AYB__SNAPSHOTS__AUTOMATION__INTERVAL}) to a real S3 server (S3Proxy, see {@link S3TestServer}),
 * keeping {@code ayb.test.s3.maxSnapshots}; the tests watch it through the API as ayb's own e2e
 * test does, and stop the S3 server to play an outage.
 */
@WatchesSnapshotRuns
class SnapshotsIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  private static final int MAX_SNAPSHOTS = Integer.getInteger("ayb.test.s3.maxSnapshots", 3);

  /** Many intervals: enough for a run to notice a change on a busy, shared 2-core machine. */
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static final Duration POLL = Duration.ofMillis(250);

  @ServerUrl URL base;

  private ApiClient api;
  private DatabaseCalls calls;
  private TestAccounts accounts;

  @BeforeEach
  void clients() {
    api = new ApiClient(base);
    calls = new DatabaseCalls(api);
    accounts = new TestAccounts(api);
    S3TestServer.shared(); // running, whatever an earlier test did
  }

  // ---- scheduled snapshots -------------------------------------------------------------------

  @Test
  void aSnapshotAppearsAfterOneIntervalAndNoneIsAddedWhileUnchanged() throws Exception {
    Account owner = accounts.register("snap-first");
    String path = database(owner, "notes.sqlite");
    assertEquals(List.of(), ids(list(owner, path)), "a database without a file has none");

    write(owner, path, "CREATE TABLE notes(body TEXT)", "INSERT INTO notes VALUES ('one')");
    List<JsonObject> snapshots = awaitSnapshots(owner, path, s -> s.size() == 1);
    JsonObject snapshot = snapshots.get(0);
    assertEquals(List.of("last_modified_at", "snapshot_id"), List.copyOf(snapshot.keySet()));
    assertTrue(snapshot.getString("snapshot_id").matches("[0-9a-f]{64}"), snapshot.toString());
    String modified = snapshot.getString("last_modified_at");
    assertTrue(modified.endsWith("Z"), "RFC 3339 in UTC: " + modified);
    Instant at = OffsetDateTime.parse(modified).toInstant();
    assertTrue(
        Duration.between(at, Instant.now()).abs().toMinutes() < 5, "a recent time: " + modified);

    // A whole run after a read: the copy hashes the same, nothing is uploaded. (The run under way
    // now may have begun before the read; the one after it has not.)
    calls.queryOrFail(owner.bearer(), path, "SELECT * FROM notes");
    double runs = metric(metrics(), "ayb_snapshots_runs_seconds_count");
    await("two more snapshot runs")
        .atMost(PATIENCE)
        .pollInterval(POLL)
        .until(() -> metric(metrics(), "ayb_snapshots_runs_seconds_count") >= runs + 2);
    assertEquals(ids(snapshots), ids(list(owner, path)));
    assertNoScratchLeft(owner, "notes.sqlite");

    String metrics = metrics();
    assertTrue(metric(metrics, "ayb_snapshots_uploaded_total") >= 1, metrics);
    assertTrue(metric(metrics, "ayb_snapshots_unchanged_total") >= 1, metrics);
    assertTrue(metric(metrics, "ayb_snapshots_runs_seconds_count") >= 3, metrics);
  }

  @Test
  void aChangeMakesASecondSnapshotAndARestoreBringsBackTheOldRowsAndIsSnapshottedAnew()
      throws Exception {
    Account owner = accounts.register("snap-restore");
    String path = database(owner, "ledger");
    write(owner, path, "CREATE TABLE entries(v TEXT)", "INSERT INTO entries VALUES ('old')");
    String first = ids(awaitSnapshots(owner, path, s -> s.size() == 1)).get(0);

    write(owner, path, "INSERT INTO entries VALUES ('new')");
    List<String> two = ids(awaitSnapshots(owner, path, s -> s.size() == 2));
    assertEquals(first, two.get(1), "newest first");
    String second = two.get(0);

    HttpResponse<String> restored = restore(owner, path, first);
    assertEquals(200, restored.statusCode(), restored.body());
    assertEquals("{}", restored.body());
    assertEquals(List.of("old"), column(owner, path, "SELECT v FROM entries ORDER BY rowid"));

    // The old version folder is gone: `current` and one version remain.
    Path folder = databaseFolder(owner, "ledger");
    try (Stream<Path> entries = Files.list(folder)) {
      assertEquals(2, entries.count(), "current and the restored version in " + folder);
    }

    // VACUUM INTO of the restored file gives a new hash: a third snapshot, newest first.
    List<String> three = ids(awaitSnapshots(owner, path, s -> s.size() == 3));
    assertFalse(Set.of(first, second).contains(three.get(0)), three.toString());
    assertEquals(List.of(second, first), three.subList(1, 3));

    // The restored database takes writes as before.
    write(owner, path, "INSERT INTO entries VALUES ('after')");
    assertEquals(
        List.of("old", "after"), column(owner, path, "SELECT v FROM entries ORDER BY rowid"));
  }

  @Test
  void aDuckDbDatabaseIsSnapshottedInItsDaemonAndRestored() throws Exception {
    Account owner = accounts.register("snap-duck");
    String path = "/v1/" + owner.entity() + "/d.duckdb";
    HttpResponse<String> created = calls.create(owner.bearer(), path, "duckdb", "no-access");
    assertEquals(201, created.statusCode(), created.body());
    write(owner, path, "CREATE TABLE t(x INTEGER)", "INSERT INTO t VALUES (1)");
    String first = ids(awaitSnapshots(owner, path, s -> s.size() == 1)).get(0);
    assertTrue(first.matches("[0-9a-f]{64}"), first);

    write(owner, path, "INSERT INTO t VALUES (2)");
    awaitSnapshots(owner, path, s -> s.size() == 2);
    assertEquals(List.of("2"), column(owner, path, "SELECT count(*) FROM t"));

    HttpResponse<String> restored = restore(owner, path, first);
    assertEquals(200, restored.statusCode(), restored.body());
    assertEquals(List.of("1"), column(owner, path, "SELECT count(*) FROM t"));
    assertNoScratchLeft(owner, "d.duckdb");
  }

  @Test
  void noQuerySeesAHalfRestoredFile() throws Exception {
    Account owner = accounts.register("snap-quiesce");
    String path = database(owner, "busy");
    write(owner, path, "CREATE TABLE t(x)", numbers(10));
    String small = ids(awaitSnapshots(owner, path, s -> s.size() == 1)).get(0);
    write(owner, path, numbers(5000));
    awaitSnapshots(owner, path, s -> s.size() == 2);
    String before = column(owner, path, "SELECT count(*) FROM t").get(0);

    AtomicBoolean restoring = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    ExecutorService reader = Executors.newSingleThreadExecutor();
    Future<Set<String>> seen =
        reader.submit(
            () -> {
              Set<String> counts = new HashSet<>();
              while (restoring.get()) {
                HttpResponse<String> r =
                    calls.query(owner.bearer(), path, "SELECT count(*) FROM t");
                assertEquals(200, r.statusCode(), r.body());
                counts.add(json(r).getJsonArray("rows").getJsonArray(0).getString(0));
                answered.incrementAndGet();
              }
              return counts;
            });
    try {
      // Queries are under way before the restore and go on after it.
      await().atMost(PATIENCE).until(() -> answered.get() >= 3);
      HttpResponse<String> restored = restore(owner, path, small);
      assertEquals(200, restored.statusCode(), restored.body());
      int atRestore = answered.get();
      await().atMost(PATIENCE).until(() -> answered.get() >= atRestore + 3);
    } finally {
      restoring.set(false);
      reader.shutdown();
    }
    String after = column(owner, path, "SELECT count(*) FROM t").get(0);
    assertNotEquals(before, after);
    Set<String> counts = seen.get();
    assertTrue(Set.of(before, after).containsAll(counts), "only whole versions: " + counts);
  }

  @Test
  void pruningKeepsMaxSnapshots() throws Exception {
    Account owner = accounts.register("snap-prune");
    String path = database(owner, "many");
    write(owner, path, "CREATE TABLE t(x)");
    List<String> made = new ArrayList<>();
    for (int i = 0; i <= MAX_SNAPSHOTS; i++) {
      write(owner, path, "INSERT INTO t VALUES (" + i + ")");
      int expected = Math.min(i + 1, MAX_SNAPSHOTS);
      int before = made.size();
      List<String> now =
          ids(
              awaitSnapshots(
                  owner,
                  path,
                  s ->
                      s.size() == expected && (before == 0 || !ids(s).get(0).equals(made.get(0)))));
      made.add(0, now.get(0));
    }
    List<String> kept = ids(list(owner, path));
    assertEquals(made.subList(0, MAX_SNAPSHOTS), kept, "the newest " + MAX_SNAPSHOTS + " remain");
    assertFalse(kept.contains(made.get(made.size() - 1)), "the oldest went");
  }

  @Test
  void anEntityNamedEntityHasSnapshotsToo() throws Exception {
    // /v1/entity/... is also the entity page's path; the snapshot paths still route.
    Account entity = accounts.named("entity");
    String database = TestAccounts.unique("snap") + ".sqlite";
    String path = "/v1/entity/" + database;
    calls.createOrFail(entity.bearer(), path, "no-access");
    write(entity, path, "CREATE TABLE t(x)", "INSERT INTO t VALUES ('kept')");
    String id = ids(awaitSnapshots(entity, path, s -> s.size() == 1)).get(0);
    write(entity, path, "DELETE FROM t");
    HttpResponse<String> restored = restore(entity, path, id);
    assertEquals(200, restored.statusCode(), restored.body());
    assertEquals(List.of("kept"), column(entity, path, "SELECT x FROM t"));
  }

  // ---- refusals --------------------------------------------------------------------------------

  @Test
  void anUnknownOrMalformedIdIsSnapshotDoesNotExist() throws Exception {
    Account owner = accounts.register("snap-missing");
    String path = database(owner, "db");
    write(owner, path, "CREATE TABLE t(x)", "INSERT INTO t VALUES (1)");
    for (String id : List.of("0".repeat(64), "not-a-snapshot", "../../x/y/" + "a".repeat(64))) {
      HttpResponse<String> response = restore(owner, path, id);
      assertEquals(404, response.statusCode(), id + " -> " + response.body());
      assertEquals("{\"type\":\"SnapshotDoesNotExistError\"}", response.body());
    }
    assertEquals(List.of("1"), column(owner, path, "SELECT x FROM t"), "nothing was touched");
  }

  @Test
  void onlyTheOwnerAndManagersListAndRestore() throws Exception {
    Account owner = accounts.register("snap-owner");
    Account manager = accounts.register("snap-manager");
    Account writer = accounts.register("snap-writer");
    Account stranger = accounts.register("snap-stranger");
    String path = database(owner, "shared");
    calls.shareOrFail(owner.bearer(), path, manager.entity(), "manager");
    calls.shareOrFail(owner.bearer(), path, writer.entity(), "read-write");
    write(owner, path, "CREATE TABLE t(x)", "INSERT INTO t VALUES ('a')");
    String id = ids(awaitSnapshots(owner, path, s -> s.size() == 1)).get(0);

    assertEquals(List.of(id), ids(list(manager, path)));
    write(manager, path, "INSERT INTO t VALUES ('b')");
    HttpResponse<String> restored = restore(manager, path, id);
    assertEquals(200, restored.statusCode(), restored.body());
    assertEquals(List.of("a"), column(owner, path, "SELECT x FROM t"));

    String refusal =
        "Authenticated entity "
            + writer.entity()
            + " can't manage snapshots on database "
            + owner.entity()
            + "/shared";
    for (HttpResponse<String> response :
        List.of(listResponse(writer.bearer(), path), restore(writer, path, id))) {
      assertEquals(403, response.statusCode(), response.body());
      assertEquals("Other", json(response).getString("type"));
      assertEquals(refusal, json(response).getString("message"));
    }
    for (HttpResponse<String> response :
        List.of(listResponse(stranger.bearer(), path), restore(stranger, path, id))) {
      assertEquals(404, response.statusCode(), response.body());
      assertEquals("RecordNotFound", json(response).getString("type"));
    }
    assertEquals(401, listResponse(null, path).statusCode());
    HttpResponse<String> anonymous =
        api.send(api.request(path + "/restore_snapshot").POST(BodyPublishers.ofString(id)));
    assertEquals(401, anonymous.statusCode());
  }

  // ---- S3 outage
  // ----------------------------------------------------------------------------------

  @Test
  void whileS3IsDownQueriesWorkSnapshotsSayWhyAndTheyResumeAfterwards() throws Exception {
    Account owner = accounts.register("snap-outage");
    String path = database(owner, "resilient");
    write(owner, path, "CREATE TABLE t(x)", "INSERT INTO t VALUES ('before')");
    String before = ids(awaitSnapshots(owner, path, s -> s.size() == 1)).get(0);

    S3TestServer s3 = S3TestServer.shared();
    double failures = metric(metrics(), "ayb_snapshots_failures_total");
    s3.stop();
    try {
      write(owner, path, "INSERT INTO t VALUES ('during')");
      HttpResponse<String> listed = listResponse(owner.bearer(), path);
      assertEquals(503, listed.statusCode(), listed.body());
      JsonObject error = json(listed);
      assertEquals("S3ConnectionError", error.getString("type"));
      assertTrue(error.getString("message").contains("unreachable"), error.toString());
      HttpResponse<String> restored = restore(owner, path, before);
      assertEquals(503, restored.statusCode(), restored.body());
      // Runs come and fail meanwhile; the database keeps answering and keeps its rows.
      await("a snapshot run failing while S3 is down")
          .atMost(PATIENCE)
          .pollInterval(POLL)
          .until(() -> metric(metrics(), "ayb_snapshots_failures_total") > failures);
      assertEquals(
          List.of("before", "during"), column(owner, path, "SELECT x FROM t ORDER BY rowid"));
    } finally {
      s3.start();
    }
    // The next run after the restart uploads the change made during the outage.
    List<String> after = ids(awaitSnapshots(owner, path, s -> s.size() == 2));
    assertEquals(before, after.get(1));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private String database(Account owner, String name) throws Exception {
    String path = "/v1/" + owner.entity() + "/" + name;
    calls.createOrFail(owner.bearer(), path, "no-access");
    return path;
  }

  /**
   * Runs the statements as one request: the daemon runs them back to back, so no snapshot copy
   * (which goes through the same daemon) can fall between them.
   */
  private void write(Account account, String path, String... statements) throws Exception {
    calls.queryOrFail(account.bearer(), path, String.join("; ", statements));
  }

  private static String numbers(int count) {
    return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
        + count
        + ") INSERT INTO t SELECT i FROM n";
  }

  private List<String> column(Account account, String path, String sql) throws Exception {
    JsonArray rows = json(calls.queryOrFail(account.bearer(), path, sql)).getJsonArray("rows");
    return rows.stream().map(row -> row.asJsonArray().getString(0)).toList();
  }

  private HttpResponse<String> listResponse(String authorization, String path) throws Exception {
    return api.send(calls.authorized(path + "/list_snapshots", authorization).GET());
  }

  private List<JsonObject> list(Account account, String path) throws Exception {
    HttpResponse<String> response = listResponse(account.bearer(), path);
    assertEquals(200, response.statusCode(), response.body());
    return json(response).getJsonArray("snapshots").getValuesAs(JsonObject.class);
  }

  private HttpResponse<String> restore(Account account, String path, String id) throws Exception {
    return api.send(
        calls
            .authorized(path + "/restore_snapshot", account.bearer())
            .header("Content-Type", "text/plain")
            .POST(BodyPublishers.ofString(id, StandardCharsets.UTF_8)));
  }

  private List<JsonObject> awaitSnapshots(
      Account account, String path, Predicate<List<JsonObject>> condition) {
    return await("the snapshots of " + path)
        .atMost(PATIENCE)
        .pollInterval(POLL)
        .until(() -> list(account, path), condition);
  }

  private String metrics() throws Exception {
    return api.send(api.management("/metrics").header("Accept", "text/plain")).body();
  }

  private static double metric(String metrics, String name) {
    String line =
        metrics
            .lines()
            .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " in\n" + metrics));
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private static List<String> ids(List<JsonObject> snapshots) {
    return snapshots.stream().map(s -> s.getString("snapshot_id")).toList();
  }

  private static Path databaseFolder(Account owner, String database) {
    return Path.of(System.getenv("AYB__DATA_PATH"), "databases", owner.entity(), database);
  }

  /** No daemon copy left in the version folder, no compressed file in the scratch space. */
  private static void assertNoScratchLeft(Account owner, String database) throws Exception {
    try (Stream<Path> files = Files.walk(databaseFolder(owner, database))) {
      List<Path> copies =
          files.filter(f -> f.getFileName().toString().startsWith("+snapshot-")).toList();
      assertEquals(List.of(), copies);
    }
    Path scratch = Path.of(System.getenv("AYB__DATA_PATH"), "snapshots", owner.entity(), database);
    if (Files.isDirectory(scratch)) {
      try (Stream<Path> files = Files.list(scratch)) {
        assertEquals(List.of(), files.toList());
      }
    }
  }
}
