package org.aybdb.interfaces.database.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URL;
import java.net.http.HttpResponse;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The query path answers recently verified tokens and recent access decisions from memory; every
 * change that alters an answer must take effect on the very next query. Each test first queries
 * twice (so the answer is cached), then changes something and queries again at once.
 */
class QueryPathCacheIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  private static final String READ = "SELECT count(*) FROM t";

  @ServerUrl URL base;

  private DatabaseCalls calls;
  private TestAccounts accounts;
  private Account owner;
  private String path;

  @BeforeEach
  void database() throws Exception {
    ApiClient api = new ApiClient(base);
    calls = new DatabaseCalls(api);
    accounts = new TestAccounts(api);
    owner = accounts.register("cache");
    path = "/v1/" + owner.entity() + "/c.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE t(a); INSERT INTO t VALUES (1)");
  }

  /** Queries twice with success: the token and the decision are now remembered. */
  private void warm(String authorization) throws Exception {
    calls.queryOrFail(authorization, path, READ);
    calls.queryOrFail(authorization, path, READ);
  }

  private static void refused(HttpResponse<String> response, int status, String type) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response.body().startsWith("{\"type\":\"" + type + "\""),
        () -> "expected type " + type + ": " + response.body());
  }

  @Test
  void aRevokedTokenIsRefusedOnTheNextQuery() throws Exception {
    Account second = accounts.logIn(owner);
    warm(second.bearer());
    accounts.revoke(second);
    refused(calls.query(second.bearer(), path, READ), 401, "InvalidToken");
    calls.queryOrFail(owner.bearer(), path, READ); // the owner's other token still works
  }

  @Test
  void anUnsharedGranteeIsRefusedOnTheNextQuery() throws Exception {
    Account grantee = accounts.register("grantee");
    calls.shareOrFail(owner.bearer(), path, grantee.entity(), "read-only");
    warm(grantee.bearer());
    calls.shareOrFail(owner.bearer(), path, grantee.entity(), "no-access");
    // Not discoverable any more: the same 404 as a database that does not exist.
    refused(calls.query(grantee.bearer(), path, READ), 404, "RecordNotFound");
  }

  @Test
  void aGranteeLoweredToReadOnlyCannotWriteOnTheNextQuery() throws Exception {
    Account grantee = accounts.register("grantee");
    calls.shareOrFail(owner.bearer(), path, grantee.entity(), "read-write");
    calls.queryOrFail(grantee.bearer(), path, "INSERT INTO t VALUES (2)");
    calls.queryOrFail(grantee.bearer(), path, "INSERT INTO t VALUES (3)");
    calls.shareOrFail(owner.bearer(), path, grantee.entity(), "read-only");
    refused(
        calls.query(grantee.bearer(), path, "INSERT INTO t VALUES (4)"), 403, "NoWriteAccessError");
    assertEquals(
        "{\"fields\":[\"count(*)\"],\"rows\":[[\"3\"]]}",
        calls.queryOrFail(grantee.bearer(), path, READ).body());
  }

  @Test
  void aDatabaseMadePrivateIsRefusedToAnonymousCallersOnTheNextQuery() throws Exception {
    assertEquals(200, calls.update(owner.bearer(), path, "read-only").statusCode());
    warm(null);
    assertEquals(200, calls.update(owner.bearer(), path, "no-access").statusCode());
    refused(calls.query(null, path, READ), 401, "Unauthorized");
  }

  @Test
  void aDatabaseMadePrivateIsRefusedToStrangersOnTheNextQuery() throws Exception {
    Account stranger = accounts.register("stranger");
    assertEquals(200, calls.update(owner.bearer(), path, "read-only").statusCode());
    warm(stranger.bearer());
    assertEquals(200, calls.update(owner.bearer(), path, "fork").statusCode());
    refused(calls.query(stranger.bearer(), path, READ), 403, "Other");
  }
}
