package org.aybdb.interfaces.database.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.BothMetadataStores;
import org.aybdb.interfaces.rest.OAuthFlow;
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
@BothMetadataStores // the invalidation rides on each store's transactions
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

  // ---- attacks on the caches' keys and their invalidation ------------------------------------

  /** A token an app got through OAuth for the owner's database, capped at read-only. */
  private String readOnlyAppToken() throws Exception {
    return "Bearer "
        + new OAuthFlow(base)
            .logIn(accounts, owner.entity())
            .scopedToken(owner.entity() + "/c.sqlite", "read-only");
  }

  /**
   * Attack: an app's token scoped to one database of its user, used right after the user's own
   * token was let into another database (so that decision is cached), must not be let in there.
   */
  @Test
  void aTokenScopedToOneDatabaseGetsNoCachedGrantForAnother() throws Exception {
    String other = "/v1/" + owner.entity() + "/other.sqlite";
    calls.createOrFail(owner.bearer(), other, "no-access");
    calls.queryOrFail(owner.bearer(), other, "CREATE TABLE t(a); INSERT INTO t VALUES (1)");
    calls.queryOrFail(owner.bearer(), other, READ);
    String app = readOnlyAppToken();
    warm(app);
    refused(calls.query(app, other, READ), 403, "Other");
    refused(calls.query(app, other, READ), 403, "Other");
  }

  /**
   * Attack: a read-only app token used right after its user's full token wrote to the same database
   * (a cached read-write decision for the same entity and database) must not write.
   */
  @Test
  void aReadOnlyAppTokenCannotWriteWhereItsUsersFullTokenJustWrote() throws Exception {
    calls.queryOrFail(owner.bearer(), path, "INSERT INTO t VALUES (2)");
    calls.queryOrFail(owner.bearer(), path, "INSERT INTO t VALUES (3)");
    String app = readOnlyAppToken();
    warm(app);
    refused(calls.query(app, path, "INSERT INTO t VALUES (4)"), 403, "NoWriteAccessError");
    assertEquals(
        "{\"fields\":[\"count(*)\"],\"rows\":[[\"3\"]]}",
        calls.queryOrFail(owner.bearer(), path, READ).body());
  }

  /**
   * Attack: a grantee keeps querying from several connections while the owner unshares, hoping that
   * a decision read while the change was being written is remembered. Once the unshare has been
   * answered, the next query must be refused (404: not 200, nor a 429 of admission, which comes
   * after the access check), round after round.
   */
  @Test
  void queriesRacingAnUnshareKeepNoAccessOnceItIsAnswered() throws Exception {
    Account grantee = accounts.register("racer");
    ExecutorService racers = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 5; round++) {
        calls.shareOrFail(owner.bearer(), path, grantee.entity(), "read-only");
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
          running.add(
              racers.submit(
                  () -> {
                    while (!stop.get()) {
                      calls.query(grantee.bearer(), path, READ);
                    }
                    return null;
                  }));
        }
        Thread.sleep(50);
        calls.shareOrFail(owner.bearer(), path, grantee.entity(), "no-access");
        refused(calls.query(grantee.bearer(), path, READ), 404, "RecordNotFound");
        stop.set(true);
        for (Future<?> racer : running) {
          racer.get(60, TimeUnit.SECONDS);
        }
        refused(calls.query(grantee.bearer(), path, READ), 404, "RecordNotFound");
      }
    } finally {
      racers.shutdownNow();
    }
  }
}
