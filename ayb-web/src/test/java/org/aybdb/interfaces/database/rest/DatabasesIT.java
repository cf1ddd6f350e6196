package org.aybdb.interfaces.database.rest;

import static org.aybdb.interfaces.rest.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.BothMetadataStores;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database endpoints over HTTP against the real WAR and real sandboxed query daemons, once per
 * metadata store: create, details, update, query (ayb's value formatting, several statements,
 * limits, escape attempts), share and permissions, with every refusal's status and message.
 */
@BothMetadataStores
class DatabasesIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  private static final String NO_WRITE = "Attempted to write to database while in read-only mode";

  @ServerUrl URL base;

  private ApiClient api;
  private DatabaseCalls calls;
  private TestAccounts accounts;

  @BeforeEach
  void clients() {
    api = new ApiClient(base);
    calls = new DatabaseCalls(api);
    accounts = new TestAccounts(api);
  }

  // ---- create, details, update, the entity page ------------------------------------------------

  @Test
  void createDetailsUpdateAndTheEntityPage() throws Exception {
    Account owner = accounts.register("db-owner");
    String path = "/v1/" + owner.entity() + "/test.sqlite";

    HttpResponse<String> created = calls.create(owner.bearer(), path, "sqlite", "no-access");
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(
        "{\"entity\":\""
            + owner.entity()
            + "\",\"database\":\"test.sqlite\","
            + "\"database_type\":\"sqlite\"}",
        created.body());
    Path folder =
        Path.of(System.getenv("AYB__DATA_PATH"), "databases", owner.entity(), "test.sqlite");
    Path current = folder.resolve("current");
    assertTrue(Files.isSymbolicLink(current), "current link in " + folder);
    assertTrue(Files.isDirectory(current.toRealPath()));
    assertEquals(folder, current.toRealPath().getParent());

    assertEquals(
        "{\"entity_slug\":\""
            + owner.entity()
            + "\",\"database_slug\":\"test.sqlite\","
            + "\"database_type\":\"sqlite\",\"highest_query_access_level\":\"ReadWrite\","
            + "\"can_manage_database\":true,\"public_sharing_level\":\"no-access\"}",
        calls.details(owner.bearer(), path).body());
    assertRecordNotFound(calls.details(null, path), owner.entity() + "/test.sqlite", "database");

    HttpResponse<String> updated = calls.update(owner.bearer(), path, "fork");
    assertEquals(200, updated.statusCode(), updated.body());
    assertEquals("{}", updated.body());
    assertEquals(
        "{\"entity_slug\":\""
            + owner.entity()
            + "\",\"database_slug\":\"test.sqlite\","
            + "\"database_type\":\"sqlite\",\"highest_query_access_level\":null,"
            + "\"can_manage_database\":false,\"public_sharing_level\":\"fork\"}",
        calls.details(null, path).body());

    calls.createOrFail(owner.bearer(), "/v1/" + owner.entity() + "/second.sqlite", "read-only");
    assertEquals(
        List.of("second.sqlite", "test.sqlite"),
        slugs(calls.entityPage(owner.bearer(), owner.entity())),
        "newest first");
    assertEquals(
        List.of("second.sqlite", "test.sqlite"), slugs(calls.entityPage(null, owner.entity())));
    assertEquals(
        "{\"slug\":\"second.sqlite\",\"database_type\":\"sqlite\"}",
        json(calls.entityPage(null, owner.entity())).getJsonArray("databases").get(0).toString());
    calls.update(owner.bearer(), path, "no-access");
    assertEquals(List.of("second.sqlite"), slugs(calls.entityPage(null, owner.entity())));
  }

  @Test
  void createRefusals() throws Exception {
    Account owner = accounts.register("db-create");
    Account other = accounts.register("db-other");
    String entity = owner.entity();
    String path = "/v1/" + entity + "/a.sqlite";

    assertError(
        calls.create(owner.bearer(), "/v1/" + entity + "/a%20b", "sqlite", "no-access"),
        400,
        "InvalidSlug",
        "Invalid database slug: a b. Only letters, numbers, underscores, hyphens, and periods are"
            + " allowed");
    String longSlug = "x".repeat(129);
    assertError(
        calls.create(owner.bearer(), "/v1/" + entity + "/" + longSlug, "sqlite", "no-access"),
        400,
        "InvalidSlug",
        "A database slug can't be longer than 128 bytes, but this one is 129 bytes");
    String nobody = TestAccounts.unique("nobody");
    assertRecordNotFound(
        calls.create(owner.bearer(), "/v1/" + nobody + "/a.sqlite", "sqlite", "no-access"),
        nobody,
        "entity");
    assertError(
        calls.create(owner.bearer(), path, null, "no-access"),
        400,
        "Other",
        "Missing required `db-type` header");
    assertError(
        calls.create(owner.bearer(), path, "mysql", "no-access"),
        400,
        "Other",
        "Unknown value: mysql");
    assertError(
        calls.create(owner.bearer(), path, "sqlite", null),
        400,
        "Other",
        "Missing required `public-sharing-level` header");
    assertError(
        calls.create(owner.bearer(), path, "sqlite", "Read-Only"),
        400,
        "Other",
        "Unknown value: Read-Only");
    assertError(
        calls.create(other.bearer(), path, "sqlite", "no-access"),
        403,
        "Other",
        "Authenticated entity " + other.entity() + " can't create a database for entity " + entity);
    assertError(
        calls.create(null, path, "sqlite", "no-access"),
        401,
        "Unauthorized",
        "Missing Authorization header: expected `Bearer <token>` with an API token");

    // The path's entity is case-insensitive (ayb forgets to lower-case it here); slugs are not.
    String upper = "/v1/" + entity.toUpperCase(Locale.ROOT) + "/a.sqlite";
    HttpResponse<String> created = calls.create(owner.bearer(), upper, "sqlite", "no-access");
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(entity, json(created).getString("entity"));
    assertError(
        calls.create(owner.bearer(), path, "sqlite", "fork"),
        409,
        "Other",
        "Database already exists");
    calls.createOrFail(owner.bearer(), "/v1/" + entity + "/A.sqlite", "no-access");
    assertEquals(List.of("A.sqlite", "a.sqlite"), slugs(calls.entityPage(owner.bearer(), entity)));
  }

  @Test
  void detailsAndUpdateRefusals() throws Exception {
    Account owner = accounts.register("db-upd");
    Account manager = accounts.register("db-mgr");
    Account reader = accounts.register("db-rdr");
    Account stranger = accounts.register("db-str");
    String path = "/v1/" + owner.entity() + "/u.sqlite";
    String id = owner.entity() + "/u.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");
    calls.shareOrFail(owner.bearer(), path, manager.entity(), "manager");
    calls.shareOrFail(owner.bearer(), path, reader.entity(), "read-only");

    assertRecordNotFound(calls.details(stranger.bearer(), path), id, "database");
    String missing = "/v1/" + owner.entity() + "/missing.sqlite";
    assertRecordNotFound(
        calls.details(stranger.bearer(), missing), owner.entity() + "/missing.sqlite", "database");
    assertRecordNotFound(calls.update(stranger.bearer(), path, "fork"), id, "database");
    assertError(
        calls.update(reader.bearer(), path, "fork"),
        403,
        "Other",
        "Authenticated entity " + reader.entity() + " can't update database " + id);
    assertError(
        calls.update(owner.bearer(), path, null),
        400,
        "EmptyUpdateError",
        "No fields provided to update. Please specify at least one field to update.");
    assertError(
        calls.update(owner.bearer(), path, "public"), 400, "Other", "Unknown value: public");
    assertError(
        calls.details("Basic Zm9vOmJhcg==", path),
        401,
        "Other",
        "Invalid Authorization header: expected `Bearer <token>`");

    assertEquals(200, calls.update(manager.bearer(), path, "read-only").statusCode());
    JsonObject details = json(calls.details(stranger.bearer(), path));
    assertEquals("read-only", details.getString("public_sharing_level"));
    assertEquals("ReadOnly", details.getString("highest_query_access_level"));
    assertFalse(details.getBoolean("can_manage_database"));
    JsonObject asManager = json(calls.details(manager.bearer(), path));
    assertEquals("ReadWrite", asManager.getString("highest_query_access_level"));
    assertTrue(asManager.getBoolean("can_manage_database"));
  }

  /** {@code /v1/entity/...} is also the entity page's path; the database paths still route. */
  @Test
  void anEntityNamedEntityHasDatabasesToo() throws Exception {
    Account entity = accounts.named("entity");
    String database = TestAccounts.unique("db") + ".sqlite";
    String path = "/v1/entity/" + database;
    HttpResponse<String> created = calls.create(entity.bearer(), path, "sqlite", "fork");
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(
        "{\"entity\":\"entity\",\"database\":\"" + database + "\",\"database_type\":\"sqlite\"}",
        created.body());
    assertEquals(
        "{\"fields\":[\"x\"],\"rows\":[[\"1\"]]}",
        calls.queryOrFail(entity.bearer(), path, "SELECT 1 AS x").body());
    assertEquals("fork", json(calls.details(null, path)).getString("public_sharing_level"));
    assertEquals("{\"permissions\":[]}", calls.permissions(entity.bearer(), path).body());
    assertTrue(slugs(calls.entityPage(null, "entity")).contains(database));
    assertRecordNotFound(
        calls.details(null, "/v1/entity/missing-" + database),
        "entity/missing-" + database,
        "database");
  }

  // ---- sharing ---------------------------------------------------------------------------------

  @Test
  void shareAndListPermissions() throws Exception {
    Account owner = accounts.register("sh-owner");
    Account second = accounts.register("sh-second");
    Account third = accounts.register("sh-third");
    String path = "/v1/" + owner.entity() + "/s.sqlite";
    String id = owner.entity() + "/s.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");

    assertEquals("{\"permissions\":[]}", calls.permissions(owner.bearer(), path).body());
    HttpResponse<String> shared =
        calls.share(owner.bearer(), path, second.entity().toUpperCase(Locale.ROOT), "read-only");
    assertEquals(204, shared.statusCode(), shared.body());
    assertEquals("", shared.body());
    calls.shareOrFail(owner.bearer(), path, third.entity(), "read-only");
    calls.shareOrFail(owner.bearer(), path, second.entity(), "manager");
    assertEquals(
        "{\"permissions\":[{\"entity_slug\":\""
            + second.entity()
            + "\",\"sharing_level\":\"manager\"},{\"entity_slug\":\""
            + third.entity()
            + "\",\"sharing_level\":\"read-only\"}]}",
        calls.permissions(owner.bearer(), path).body());

    // A manager grants and revokes; the grantee then neither sees nor lists the database.
    calls.shareOrFail(second.bearer(), path, third.entity(), "read-write");
    assertEquals(
        "ReadWrite",
        json(calls.details(third.bearer(), path)).getString("highest_query_access_level"));
    assertEquals(200, calls.permissions(second.bearer(), path).statusCode());
    calls.shareOrFail(second.bearer(), path, third.entity(), "no-access");
    calls.shareOrFail(second.bearer(), path, third.entity(), "no-access");
    assertRecordNotFound(calls.details(third.bearer(), path), id, "database");
    assertEquals(List.of(), slugs(calls.entityPage(third.bearer(), owner.entity())));
    assertEquals(
        "{\"permissions\":[{\"entity_slug\":\""
            + second.entity()
            + "\",\"sharing_level\":\"manager\"}]}",
        calls.permissions(second.bearer(), path).body());

    String ownerMessage =
        owner.entity() + " owns " + id + ", so their permissions can't be changed";
    assertError(
        calls.share(second.bearer(), path, owner.entity(), "read-only"),
        403,
        "CantSetOwnerPermissions",
        ownerMessage);
    assertError(
        calls.share(owner.bearer(), path, owner.entity().toUpperCase(Locale.ROOT), "no-access"),
        403,
        "CantSetOwnerPermissions",
        ownerMessage);
    String nobody = TestAccounts.unique("nobody");
    assertRecordNotFound(calls.share(owner.bearer(), path, nobody, "read-only"), nobody, "entity");
    assertError(
        calls.share(owner.bearer(), path, third.entity(), null),
        400,
        "Other",
        "Missing required `sharing-level` header");
    assertError(
        calls.share(owner.bearer(), path, null, "read-only"),
        400,
        "Other",
        "Missing required `entity-for-permission` header");
    assertError(
        calls.share(owner.bearer(), path, third.entity(), "owner"),
        400,
        "Other",
        "Unknown value: owner");

    calls.shareOrFail(owner.bearer(), path, third.entity(), "read-only");
    assertError(
        calls.share(third.bearer(), path, second.entity(), "read-only"),
        403,
        "Other",
        "Authenticated entity " + third.entity() + " can't set permissions for database " + id);
    assertError(
        calls.permissions(third.bearer(), path),
        403,
        "Other",
        "Authenticated entity " + third.entity() + " can't list permissions for database " + id);
  }

  // ---- queries ---------------------------------------------------------------------------------

  @Test
  void queriesRunEveryStatementAndAnswerAsAyb() throws Exception {
    Account owner = accounts.register("q-owner");
    String path = "/v1/" + owner.entity() + "/q.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");

    HttpResponse<String> ddl =
        calls.query(
            owner.bearer(),
            path,
            "CREATE TABLE favorite_databases(name varchar, score integer);"
                + " INSERT INTO favorite_databases (name, score) VALUES ('PostgreSQL', 10);"
                + " INSERT INTO favorite_databases (name, score) VALUES ('SQLite', NULL);");
    assertEquals(200, ddl.statusCode(), ddl.body());
    assertEquals("{\"fields\":[],\"rows\":[]}", ddl.body());
    assertTrue(ddl.headers().firstValue("Ayb-Truncated").isEmpty());
    HttpResponse<String> select =
        calls.query(owner.bearer(), path, "SELECT name, score FROM favorite_databases;");
    assertEquals(
        "{\"fields\":[\"name\",\"score\"],\"rows\":[[\"PostgreSQL\",\"10\"],[\"SQLite\",null]]}",
        select.body());
    assertEquals(
        "{\"fields\":[\"name\"],\"rows\":[]}",
        calls.query(owner.bearer(), path, "SELECT name FROM favorite_databases WHERE 0").body());
    assertEquals(
        "{\"fields\":[\"n\"],\"rows\":[[\"3\"]]}",
        calls
            .query(
                owner.bearer(),
                path,
                "INSERT INTO favorite_databases VALUES ('DuckDB', 8);"
                    + " SELECT count(*) AS n FROM favorite_databases")
            .body(),
        "several statements run in order; the last one answers");

    // Any content type, or none: the body is the SQL.
    for (String type : List.of("application/x-www-form-urlencoded", "application/json", "")) {
      var request =
          calls
              .authorized(path + "/query", owner.bearer())
              .POST(BodyPublishers.ofString("SELECT 1 AS one"));
      if (!type.isEmpty()) {
        request.header("Content-Type", type);
      }
      HttpResponse<String> response = api.send(request);
      assertEquals("{\"fields\":[\"one\"],\"rows\":[[\"1\"]]}", response.body(), type);
    }

    assertError(
        calls.query(owner.bearer(), path, ""),
        400,
        "Other",
        "The query is empty: send the SQL text as the request body");
    assertError(
        calls.query(owner.bearer(), path, " \n\t "),
        400,
        "Other",
        "The query is empty: send the SQL text as the request body");
    HttpResponse<String> notUtf8 =
        api.send(
            calls
                .authorized(path + "/query", owner.bearer())
                .POST(BodyPublishers.ofByteArray(new byte[] {'S', 'E', (byte) 0xff})));
    assertError(notUtf8, 400, "Other", "The SQL must be UTF-8 text");
    HttpResponse<String> tooLarge =
        calls.query(owner.bearer(), path, "SELECT '" + "x".repeat(2 << 20) + "'");
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    assertEquals("Other", json(tooLarge).getString("type"));
    assertTrue(json(tooLarge).getString("message").startsWith("The SQL is too large: at most "));

    HttpResponse<String> wrong = calls.query(owner.bearer(), path, "SELECT * FROM nowhere");
    assertEquals(400, wrong.statusCode(), wrong.body());
    assertTrue(json(wrong).getString("message").contains("no such table: nowhere"), wrong.body());
    assertRecordNotFound(
        calls.query(owner.bearer(), "/v1/" + owner.entity() + "/none.sqlite", "SELECT 1"),
        owner.entity() + "/none.sqlite",
        "database");
  }

  /** ayb's cells: every value a string or null, REAL as Rust's f64 Display. */
  @Test
  void valuesAreFormattedAsAyb() throws Exception {
    Account owner = accounts.register("fmt");
    String path = "/v1/" + owner.entity() + "/f.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE v(x)");

    String[][] table = {
      {"42", "42"},
      {"-7", "-7"},
      {"9223372036854775807", "9223372036854775807"},
      {"-9223372036854775808", "-9223372036854775808"},
      {"1.0", "1"},
      {"10.0", "10"},
      {"1.5", "1.5"},
      {"0.1", "0.1"},
      {"0.1 + 0.2", "0.30000000000000004"},
      {"1e-7", "0.0000001"},
      {"1e21", "1000000000000000000000"},
      {"1.7976931348623157e308", new BigDecimal("1.7976931348623157e308").toPlainString()},
      {"2.5e-320", new BigDecimal("2.5e-320").toPlainString()},
      {"-0.0", "-0"},
      {"1e999", "inf"},
      {"-1e999", "-inf"},
      {"0.0 / 0.0", null},
      {"'héllo 漢字 🎉'", "héllo 漢字 🎉"},
      {"'say \"hi\"\n''quoted'''", "say \"hi\"\n'quoted'"},
      {"''", ""},
      {"X'68C3A9'", "hé"},
      {"X''", ""},
      {"NULL", null},
    };
    StringBuilder select = new StringBuilder("SELECT ");
    for (int i = 0; i < table.length; i++) {
      select.append(i == 0 ? "" : ", ").append(table[i][0]).append(" AS c").append(i);
    }
    JsonObject answer = json(calls.queryOrFail(owner.bearer(), path, select.toString()));
    JsonArray row = answer.getJsonArray("rows").getJsonArray(0);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < table.length; i++) {
      String actual = row.isNull(i) ? null : row.getString(i);
      if (!java.util.Objects.equals(table[i][1], actual)) {
        mismatches.add(table[i][0] + " -> " + actual + " (expected " + table[i][1] + ")");
      }
    }
    assertEquals(List.of(), mismatches);
    assertEquals("c0", answer.getJsonArray("fields").getString(0));

    // Stored values come back the same way.
    calls.queryOrFail(
        owner.bearer(), path, "INSERT INTO v VALUES (1.0), (-0.0), (X'F09F8E89'), (NULL)");
    assertEquals(
        "{\"fields\":[\"x\"],\"rows\":[[\"1\"],[\"-0\"],[\"🎉\"],[null]]}",
        calls.query(owner.bearer(), path, "SELECT x FROM v").body());

    HttpResponse<String> invalid = calls.query(owner.bearer(), path, "SELECT X'FF'");
    assertTrue(invalid.statusCode() >= 400 && invalid.statusCode() < 500, invalid.body());
    assertTrue(
        json(invalid)
            .getString("message")
            .contains("Utf8Error { valid_up_to: 0, error_len: Some(1) }"),
        invalid.body());
    calls.queryOrFail(owner.bearer(), path, "SELECT 1");
  }

  @Test
  void readOnlyAccessCannotWrite() throws Exception {
    Account owner = accounts.register("ro-owner");
    Account reader = accounts.register("ro-reader");
    Account anyone = accounts.register("ro-anyone");
    String path = "/v1/" + owner.entity() + "/r.sqlite";
    calls.createOrFail(owner.bearer(), path, "read-only");
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    calls.shareOrFail(owner.bearer(), path, reader.entity(), "read-only");

    for (String authorization : Arrays.asList(reader.bearer(), anyone.bearer(), null)) {
      for (String write :
          List.of(
              "INSERT INTO t VALUES (2)",
              "PRAGMA query_only = 0; INSERT INTO t VALUES (2)",
              "CREATE TABLE u(y)",
              "DELETE FROM t")) {
        assertError(calls.query(authorization, path, write), 403, "NoWriteAccessError", NO_WRITE);
      }
      assertEquals(
          "{\"fields\":[\"count(*)\"],\"rows\":[[\"1\"]]}",
          calls.query(authorization, path, "SELECT count(*) FROM t").body());
    }
    calls.queryOrFail(owner.bearer(), path, "INSERT INTO t VALUES (3)");
  }

  @Test
  void duckdbDatabasesAnswerAsAybAndContainEscapes() throws Exception {
    Account owner = accounts.register("duck");
    Account reader = accounts.register("duck-rd");
    String path = "/v1/" + owner.entity() + "/d.duckdb";
    HttpResponse<String> created = calls.create(owner.bearer(), path, "duckdb", "read-only");
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(created.body().contains("\"database_type\":\"duckdb\""), created.body());
    assertEquals(
        "{\"fields\":[],\"rows\":[]}",
        calls.query(owner.bearer(), path, "CREATE TABLE t(x INTEGER, d DECIMAL(5,2))").body());
    assertEquals(
        "{\"fields\":[\"Count\"],\"rows\":[[\"1\"]]}",
        calls.query(owner.bearer(), path, "INSERT INTO t VALUES (1, 1.5)").body());
    assertEquals(
        "{\"fields\":[\"x\",\"d\"],\"rows\":[[\"1\",\"1.50\"]]}",
        calls.query(reader.bearer(), path, "SELECT x, d FROM t").body());
    assertError(
        calls.query(reader.bearer(), path, "INSERT INTO t VALUES (2, 0)"),
        403,
        "NoWriteAccessError",
        NO_WRITE);
    for (String attempt :
        List.of(
            "SELECT * FROM read_csv('/etc/passwd')",
            "COPY t TO '/tmp/ayb-duck-escape.csv'",
            "ATTACH '/tmp/ayb-duck-escape.duckdb' AS x",
            "INSTALL httpfs",
            "LOAD httpfs",
            "SELECT * FROM read_csv('https://example.com/x.csv')",
            "SET enable_external_access = true",
            "PRAGMA enable_profiling",
            "SELECT sum(range) FROM range(1000000000000000)")) {
      HttpResponse<String> refused = calls.query(owner.bearer(), path, attempt);
      assertTrue(
          refused.statusCode() >= 400 && refused.statusCode() < 500,
          attempt + " -> " + refused.statusCode() + " " + refused.body());
      assertTrue(refused.body().startsWith("{\"type\":"), refused.body());
      assertEquals(
          "{\"fields\":[\"x\"],\"rows\":[[\"1\"]]}",
          calls.query(owner.bearer(), path, "SELECT x FROM t").body(),
          "after " + attempt);
    }
    assertError(
        api.send(
            calls
                .authorized(path + "/query", owner.bearer())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"query\": \"SELECT ?\", \"params\": [1]}"))),
        400,
        "QueryError",
        "JSON query bodies (parameters, typed results, batches) are not supported for duckdb"
            + " databases yet; send the SQL as the raw body");
    assertError(
        api.send(calls.authorized(path + "/export", owner.bearer()).GET()),
        400,
        "Other",
        "Export is supported for sqlite databases only; "
            + owner.entity()
            + "/d.duckdb is a duckdb"
            + " database");
    assertFalse(Files.exists(Path.of("/tmp/ayb-duck-escape.csv")));
    assertFalse(Files.exists(Path.of("/tmp/ayb-duck-escape.duckdb")));
  }

  @Test
  void escapeAttemptsAreContainedAndTheNextQueryWorks() throws Exception {
    Account owner = accounts.register("esc");
    Account neighbour = accounts.register("esc-nb");
    String path = "/v1/" + owner.entity() + "/e.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    String other = "/v1/" + neighbour.entity() + "/secret.sqlite";
    calls.createOrFail(neighbour.bearer(), other, "no-access");
    calls.queryOrFail(neighbour.bearer(), other, "CREATE TABLE s(x); INSERT INTO s VALUES (7)");
    Path secret =
        Path.of(System.getenv("AYB__DATA_PATH"), "databases", neighbour.entity(), "secret.sqlite")
            .resolve("current")
            .toRealPath()
            .resolve("secret.sqlite");

    List<String> attempts =
        List.of(
            "ATTACH '" + secret + "' AS s; SELECT * FROM s.s",
            "SELECT load_extension('/usr/lib/x86_64-linux-gnu/libsqlite3.so.0')",
            "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)"
                + " SELECT count(*) FROM r");
    for (String attempt : attempts) {
      HttpResponse<String> refused = calls.query(owner.bearer(), path, attempt);
      assertTrue(
          refused.statusCode() >= 400 && refused.statusCode() < 500,
          attempt + " -> " + refused.statusCode() + " " + refused.body());
      assertFalse(refused.body().contains("\"7\""), refused.body());
      assertEquals(
          "{\"fields\":[\"x\"],\"rows\":[[\"1\"]]}",
          calls.query(owner.bearer(), path, "SELECT x FROM t").body(),
          "after " + attempt);
    }
  }

  @Test
  void aResultCutShortSaysSo() throws Exception {
    Account owner = accounts.register("cap");
    String path = "/v1/" + owner.entity() + "/c.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE t(x)");
    HttpResponse<String> capped =
        calls.query(
            owner.bearer(),
            path,
            "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r LIMIT 2000000)"
                + " SELECT i FROM r");
    assertEquals(200, capped.statusCode());
    // Too long to be sent whole, so streamed: the header cannot say it, the body does.
    assertTrue(capped.headers().firstValue("Ayb-Truncated").isEmpty());
    JsonObject body = json(capped);
    assertEquals("rows", body.getString("truncated"));
    assertTrue(body.getJsonArray("rows").size() < 2_000_000);
    assertEquals(List.of("fields", "rows", "truncated"), List.copyOf(body.keySet()));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static List<String> slugs(HttpResponse<String> page) {
    assertEquals(200, page.statusCode(), page.body());
    return json(page).getJsonArray("databases").getValuesAs(JsonObject.class).stream()
        .map(database -> database.getString("slug"))
        .toList();
  }

  static void assertError(HttpResponse<String> response, int status, String type, String message) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject error = json(response);
    assertEquals(type, error.getString("type"), response.body());
    assertEquals(message, error.getString("message"), response.body());
    assertEquals(List.of("type", "message"), List.copyOf(error.keySet()));
  }

  static void assertRecordNotFound(HttpResponse<String> response, String id, String recordType) {
    assertEquals(404, response.statusCode(), response.body());
    assertEquals(
        "{\"type\":\"RecordNotFound\",\"id\":\""
            + id
            + "\",\"record_type\":\""
            + recordType
            + "\"}",
        response.body());
  }
}
