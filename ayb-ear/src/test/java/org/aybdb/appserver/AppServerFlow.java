package org.aybdb.appserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Logger;
import org.aybdb.interfaces.database.rest.DatabaseCalls;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;

/**
 * The flow every application server must carry: two users registered through the file e-mail
 * backend, a database created and queried through the sandboxed query daemons, shared read-only
 * with the second user, snapshotted to S3 by the EJB timer, and the health and metrics endpoints.
 */
final class AppServerFlow {

  private static final Logger LOG = Logger.getLogger(AppServerFlow.class.getName());

  private final ApiClient api;
  private final DatabaseCalls calls;
  private final TestAccounts accounts;

  AppServerFlow(ApiClient api) {
    this.api = Objects.requireNonNull(api, "api");
    this.calls = new DatabaseCalls(api);
    this.accounts = new TestAccounts(api);
  }

  /** Runs the whole flow; returns the owner's database path. */
  String run() throws Exception {
    Account owner = accounts.register("owner");
    Account reader = accounts.register("reader");
    String path = "/v1/" + owner.entity() + "/notes.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE note(id INTEGER PRIMARY KEY, body TEXT)");
    calls.queryOrFail(owner.bearer(), path, "INSERT INTO note(body) VALUES ('deployed')");

    // Nobody else reads it until it is shared; then the reader reads but cannot write.
    assertFalse(isOk(calls.query(reader.bearer(), path, "SELECT body FROM note")));
    calls.shareOrFail(owner.bearer(), path, reader.entity(), "read-only");
    HttpResponse<String> read = calls.queryOrFail(reader.bearer(), path, "SELECT body FROM note");
    assertTrue(read.body().contains("\"deployed\""), read.body());
    HttpResponse<String> write =
        calls.query(reader.bearer(), path, "INSERT INTO note(body) VALUES ('nope')");
    assertEquals(403, write.statusCode(), write.body());
    assertEquals("Attempted to write to database while in read-only mode", message(write));

    awaitSnapshot(owner, path);
    return path;
  }

  /** ayb's {@code GET /health} and the MicroProfile Health readiness report with its checks. */
  void checkHealth() throws Exception {
    HttpResponse<String> health = api.send(api.request("/health"));
    assertEquals(200, health.statusCode(), health.body());
    assertEquals("ok", ApiClient.json(health).getString("status"));
    HttpResponse<String> ready = api.send(api.management("/health/ready"));
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject report = ApiClient.json(ready);
    assertEquals("UP", report.getString("status"), ready.body());
    assertFalse(report.getJsonArray("checks").isEmpty(), ready.body());
  }

  /** The application's own metrics, in Prometheus text, on the server's {@code /metrics}. */
  void checkMetrics() throws Exception {
    HttpResponse<String> metrics =
        api.send(api.management("/metrics").header("Accept", "text/plain"));
    assertEquals(200, metrics.statusCode(), metrics.body());
    assertTrue(metrics.body().contains("ayb_sandbox_queries_seconds"), metrics.body());
    assertTrue(metrics.body().contains("ayb_http_requests_seconds"), metrics.body());
  }

  private void awaitSnapshot(Account owner, String path) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> listed =
          api.send(api.request(path + "/list_snapshots").header("Authorization", owner.bearer()));
      assertEquals(200, listed.statusCode(), listed.body());
      if (!ApiClient.json(listed).getJsonArray("snapshots").isEmpty()) {
        LOG.info(() -> "Snapshot in S3: " + listed.body());
        return;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("No snapshot of " + path + " reached S3 within 90 s");
  }

  private static boolean isOk(HttpResponse<String> response) {
    return response.statusCode() / 100 == 2;
  }

  private static String message(HttpResponse<String> response) {
    return ApiClient.json(response).getString("message");
  }
}
