package org.aybdb.interfaces.database.rest;

import static org.aybdb.interfaces.database.rest.DatabasesIT.assertError;
import static org.aybdb.interfaces.rest.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An anonymous attacker (no token at all) against a public read-only database: each attack is
 * refused with a 4xx that names what was refused, and the owner's next query works.
 */
class ContainmentIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  private static final String PROCESS_WIDE =
      " is not allowed: it acts on the whole daemon process or on files";

  @ServerUrl URL base;

  private DatabaseCalls calls;
  private TestAccounts accounts;
  private Account owner;
  private String path;

  @BeforeEach
  void publicDatabase() throws Exception {
    ApiClient api = new ApiClient(base);
    calls = new DatabaseCalls(api);
    accounts = new TestAccounts(api);
    owner = accounts.register("victim");
    path = "/v1/" + owner.entity() + "/public.sqlite";
    calls.createOrFail(owner.bearer(), path, "read-only");
    calls.queryOrFail(
        owner.bearer(),
        path,
        "CREATE TABLE t(x); INSERT INTO t VALUES ('kept');"
            + " CREATE VIRTUAL TABLE docs USING fts3(body); INSERT INTO docs VALUES ('hello')");
  }

  /** The owner's normal queries, full-text search included, still work. */
  private void ownerStillWorks() throws Exception {
    assertEquals(
        "{\"fields\":[\"x\"],\"rows\":[[\"kept\"]]}",
        calls.queryOrFail(owner.bearer(), path, "SELECT x FROM t").body());
    assertEquals(
        "{\"fields\":[\"body\"],\"rows\":[[\"hello\"]]}",
        calls
            .queryOrFail(owner.bearer(), path, "SELECT body FROM docs WHERE body MATCH 'hello'")
            .body());
  }

  private void refused(String sql, int status, String message) throws Exception {
    assertError(calls.query(null, path, sql), status, "QueryError", message);
    ownerStillWorks();
  }

  @Test
  void fts3TokenizerInBothForms() throws Exception {
    String message = "not authorized: function fts3_tokenizer() is not allowed";
    refused("SELECT fts3_tokenizer('simple', X'0010000000000000')", 403, message);
    refused("SELECT hex(fts3_tokenizer('simple'))", 403, message);
    refused("SELECT fts3_tokenizer('porter', fts3_tokenizer('simple'))", 403, message);
  }

  @Test
  void processWidePragmas() throws Exception {
    for (String pragma :
        List.of(
            "hard_heap_limit=20000",
            "soft_heap_limit=20000",
            "temp_store_directory='/tmp'",
            "data_store_directory='/tmp'",
            "mmap_size=268435456",
            "threads=8")) {
      String name = pragma.substring(0, pragma.indexOf('='));
      refused("PRAGMA " + pragma, 403, "not authorized: PRAGMA " + name + PROCESS_WIDE);
    }
    refused(
        "PRAGMA foreign_keys = OFF",
        403,
        "not authorized: PRAGMA foreign_keys may only be read with read-only access");
    refused(
        "ATTACH ':memory:' AS m",
        403,
        "not authorized: ATTACH and DETACH are not allowed: a query sees only its own database"
            + " (VACUUM, which attaches a copy, is refused too)");
    // What a reader may do still works: listings and reading settings.
    assertEquals(
        "{\"fields\":[\"journal_mode\"],\"rows\":[[\"wal\"]]}",
        calls.queryOrFail(null, path, "PRAGMA journal_mode").body());
  }

  @Test
  void aNulByteIsRefusedBeforeAnythingRuns() throws Exception {
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE victim(x)");
    String message =
        "The query contains a NUL byte (at character 8); SQL text must not contain NUL";
    assertError(
        calls.query(owner.bearer(), path, "SELECT 1\0; DROP TABLE victim"),
        400,
        "QueryError",
        message);
    refused("SELECT 1\0; SELECT * FROM t", 400, message);
    assertEquals(
        "{\"fields\":[\"n\"],\"rows\":[[\"1\"]]}",
        calls
            .queryOrFail(
                owner.bearer(),
                path,
                "SELECT count(*) AS n FROM sqlite_schema WHERE name = 'victim'")
            .body());
  }

  @Test
  void threeHundredNullColumnsAreCutAtTheByteCap() throws Exception {
    String nulls = String.join(", ", Collections.nCopies(300, "NULL"));
    HttpResponse<String> capped =
        calls.query(
            null,
            path,
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000)"
                + " SELECT "
                + nulls
                + " FROM c");
    assertEquals(200, capped.statusCode());
    JsonObject body = json(capped);
    // A streamed answer (over 64 KiB) says it was cut in its body, not in a header.
    assertEquals("bytes", body.getString("truncated"));
    // max_result_bytes is 4 MiB: 2792 rows of [null,...,null] with their commas (1502 bytes).
    assertEquals(2792, body.getJsonArray("rows").size());
    int rowsJson = body.getJsonArray("rows").toString().length();
    assertTrue(rowsJson <= 4 << 20, "rows are " + rowsJson + " bytes of JSON");
    assertTrue(capped.body().length() < (4 << 20) + 4096, "body " + capped.body().length());
    ownerStillWorks();
  }

  @Test
  void aNeverWrittenPublicDatabaseReadsAsEmpty() throws Exception {
    String fresh = "/v1/" + owner.entity() + "/fresh.sqlite";
    calls.createOrFail(owner.bearer(), fresh, "read-only");
    Account reader = accounts.register("reader");
    String fresher = "/v1/" + owner.entity() + "/fresher.sqlite";
    calls.createOrFail(owner.bearer(), fresher, "no-access");
    calls.shareOrFail(owner.bearer(), fresher, reader.entity(), "read-only");
    String count = "{\"fields\":[\"n\"],\"rows\":[[\"0\"]]}";
    String sql = "SELECT count(*) AS n FROM sqlite_schema";
    assertEquals(count, calls.queryOrFail(null, fresh, sql).body());
    assertEquals(count, calls.queryOrFail(reader.bearer(), fresher, sql).body());
    calls.queryOrFail(owner.bearer(), fresh, "CREATE TABLE f(x); INSERT INTO f VALUES (1)");
    assertEquals(
        "{\"fields\":[\"x\"],\"rows\":[[\"1\"]]}",
        calls.queryOrFail(null, fresh, "SELECT x FROM f").body());
    ownerStillWorks();
  }
}
