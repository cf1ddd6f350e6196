package org.aybdb.interfaces.database.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JSON query bodies over HTTP against the real WAR and real sandboxed daemons: bound parameters,
 * typed results, atomic batches, and every bad input with its status and message.
 */
class QueryParamsIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  private static final String TYPED = "application/vnd.ayb+json; version=2";

  @ServerUrl URL base;

  private ApiClient api;
  private DatabaseCalls calls;
  private Account owner;
  private String path;

  @BeforeEach
  void database() throws Exception {
    api = new ApiClient(base);
    calls = new DatabaseCalls(api);
    owner = new TestAccounts(api).register("params");
    path = "/v1/" + owner.entity() + "/p.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");
    calls.queryOrFail(
        owner.bearer(),
        path,
        "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, b BLOB)");
  }

  private HttpResponse<String> post(String authorization, String body, String accept)
      throws Exception {
    var request =
        calls
            .authorized(path + "/query", authorization)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return api.send(request);
  }

  private HttpResponse<String> ok(String body) throws Exception {
    HttpResponse<String> r = post(owner.bearer(), body, null);
    assertEquals(200, r.statusCode(), body + " -> " + r.body());
    return r;
  }

  private void refused(String body, int status, String expected) throws Exception {
    HttpResponse<String> r = post(owner.bearer(), body, null);
    assertEquals(status, r.statusCode(), body + " -> " + r.body());
    assertEquals(expected, r.body(), body);
  }

  private static JsonObject parse(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private String count() throws Exception {
    return calls.queryOrFail(owner.bearer(), path, "SELECT count(*) FROM t").body();
  }

  @Test
  void positionalAndNamedParametersAreBound() throws Exception {
    ok(
        "{\"query\":\"INSERT INTO t(id, name, score, b) VALUES (?, ?, ?, ?)\","
            + "\"params\":[9007199254740993, \"Ann\", 2.5, {\"base64\":\"AP8B\"}]}");
    ok(
        "{\"query\":\"INSERT INTO t(id, name, score) VALUES (?2, ?1, ?3)\",\"params\":[null, 2, true]}");
    ok(
        "{\"query\":\"INSERT INTO t(id, name) VALUES (:id, @name)\","
            + "\"params\":{\"id\":3, \"@name\":\"Bo\"}}");
    assertEquals(
        "{\"fields\":[\"id\",\"name\",\"score\",\"hex(b)\"],\"rows\":["
            + "[\"2\",null,\"1\",\"\"],[\"3\",\"Bo\",null,\"\"],"
            + "[\"9007199254740993\",\"Ann\",\"2.5\",\"00FF01\"]]}",
        ok("{\"query\":\"SELECT id, name, score, hex(b) FROM t WHERE id >= $min ORDER BY id\","
                + "\"params\":{\"min\":2}}")
            .body());
  }

  @Test
  void anInjectionAttemptInAParameterStaysData() throws Exception {
    String attack = "x'); DROP TABLE t; --";
    ok("{\"query\":\"INSERT INTO t(id, name) VALUES (1, ?)\",\"params\":[\"" + attack + "\"]}");
    assertEquals(
        "{\"fields\":[\"name\"],\"rows\":[[\"" + attack + "\"]]}",
        ok("{\"query\":\"SELECT name FROM t WHERE name = ?\",\"params\":[\"" + attack + "\"]}")
            .body());
    assertEquals("{\"fields\":[\"count(*)\"],\"rows\":[[\"1\"]]}", count());
  }

  @Test
  void jsonWithoutParametersAnswersExactlyAsText() throws Exception {
    calls.queryOrFail(owner.bearer(), path, "INSERT INTO t VALUES (1, 'a\"b', 1e-7, NULL)");
    String sql = "SELECT id, name, score, b FROM t";
    String text = calls.queryOrFail(owner.bearer(), path, sql).body();
    assertEquals(
        "{\"fields\":[\"id\",\"name\",\"score\",\"b\"],\"rows\":[[\"1\",\"a\\\"b\",\"0.0000001\",null]]}",
        text);
    assertEquals(text, ok("{\"query\":\"" + sql + "\"}").body());
    assertEquals(text, ok("{\"query\":\"" + sql + "\",\"params\":[]}").body());
  }

  @Test
  void typedResultsCarryTypesAndMetadata() throws Exception {
    HttpResponse<String> inserted =
        post(
            owner.bearer(),
            "{\"query\":\"INSERT INTO t(id, name, score, b) VALUES (?, ?, ?, ?)\","
                + "\"params\":[9007199254740993, \"Ann\", 2.5, {\"base64\":\"AP8B\"}]}",
            TYPED);
    assertEquals(200, inserted.statusCode(), inserted.body());
    assertEquals(
        TYPED.replace(" ", ""),
        inserted.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
    JsonObject meta = parse(inserted.body()).getJsonObject("meta");
    assertEquals(1, meta.getInt("rows_changed"));
    assertEquals("9007199254740993", meta.get("last_insert_id").toString());
    assertTrue(meta.getJsonNumber("duration_ms").doubleValue() >= 0);

    HttpResponse<String> r =
        post(
            owner.bearer(),
            "{\"query\":\"SELECT id, name, score, b, NULL AS n, 7 AS small FROM t\"}",
            TYPED);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject body = parse(r.body());
    assertEquals(
        "[{\"name\":\"id\",\"declared_type\":\"INTEGER\"},{\"name\":\"name\",\"declared_type\":"
            + "\"TEXT\"},{\"name\":\"score\",\"declared_type\":\"REAL\"},{\"name\":\"b\","
            + "\"declared_type\":\"BLOB\"},{\"name\":\"n\",\"declared_type\":null},"
            + "{\"name\":\"small\",\"declared_type\":null}]",
        body.getJsonArray("columns").toString());
    assertEquals(
        "[[{\"type\":\"integer\",\"value\":\"9007199254740993\"},{\"type\":\"text\",\"value\":"
            + "\"Ann\"},{\"type\":\"real\",\"value\":2.5},{\"type\":\"blob\",\"value\":\"AP8B\"},"
            + "{\"type\":\"null\",\"value\":null},{\"type\":\"integer\",\"value\":7}]]",
        body.getJsonArray("rows").toString());
    assertEquals(0, body.getJsonObject("meta").getInt("rows_changed"));
  }

  @Test
  void plainTextIgnoresTheTypedAcceptHeader() throws Exception {
    HttpResponse<String> r =
        api.send(
            calls
                .authorized(path + "/query", owner.bearer())
                .header("Accept", TYPED)
                .POST(BodyPublishers.ofString("SELECT 1 AS one", StandardCharsets.UTF_8)));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("{\"fields\":[\"one\"],\"rows\":[[\"1\"]]}", r.body());
  }

  @Test
  void badParametersAreRefusedNamingTheParameter() throws Exception {
    String q = "{\"query\":\"SELECT ?, ?\",\"params\":[1]}";
    refused(
        q,
        400,
        "{\"type\":\"QueryError\",\"message\":\"The statement has 2 parameters but 1 value was given\"}");
    refused(
        "{\"query\":\"SELECT :a\",\"params\":{\"a\":1,\"zz\":2}}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"Unknown parameter name \\\"zz\\\": the statement"
            + " has no parameter of that name\"}");
    refused(
        "{\"query\":\"SELECT :a, :b\",\"params\":{\"a\":1}}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"No value for parameter :b\"}");
    refused(
        "{\"query\":\"SELECT ?\",\"params\":[{\"base64\":\"not base64!\"}]}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"`params[0]` is not valid base64: Illegal base64"
            + " character 20\"}");
    refused(
        "{\"query\":\"SELECT ?\",\"params\":[[1]]}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"`params[0]` must be null, a number, a string, a"
            + " boolean or {\\\"base64\\\": \\\"...\\\"} (a blob)\"}");
    refused(
        "{\"query\":\"SELECT :a\",\"params\":{\"a\":{\"hex\":\"00\"}}}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"`params.a` must be null, a number, a string, a"
            + " boolean or {\\\"base64\\\": \\\"...\\\"} (a blob)\"}");
    refused(
        "{\"query\":\"SELECT ?\",\"params\":[18446744073709551616]}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"`params[0]` is 18446744073709551616, outside"
            + " SQLite's 64-bit integers; send it as a string or a real\"}");
    refused(
        "{\"query\":\"SELECT ?\",\"params\":\"1\"}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"`params` must be an array (positional) or an"
            + " object (named)\"}");
    refused(
        "{\"sql\":\"SELECT 1\"}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"Unknown member `sql`; a query body is"
            + " {\\\"query\\\": ..., \\\"params\\\": ...} or {\\\"statements\\\": [...]}\"}");
    refused(
        "{\"query\":\"SELECT :a\",\"params\":[1]}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"Parameter :a is named: send \\\"params\\\" as an"
            + " object to bind it\"}");
    refused(
        "{\"query\":\"SELECT 1; SELECT 2\"}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"The text holds more than one SQL statement; send"
            + " each statement on its own\"}");
    refused(
        "{\"query\":\"SELECT 1\\u0000; DROP TABLE t\"}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"The query contains a NUL byte (at character 8);"
            + " SQL text must not contain NUL\"}");
    HttpResponse<String> malformed = post(owner.bearer(), " {\"query\": \"SELECT 1\"", null);
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertTrue(
        malformed.body().startsWith("{\"type\":\"Other\",\"message\":\"Malformed request body"),
        malformed.body());
    HttpResponse<String> rawSql = post(owner.bearer(), "SELECT 1 AS one", null);
    assertEquals(
        "{\"fields\":[\"one\"],\"rows\":[[\"1\"]]}",
        rawSql.body(),
        "raw SQL labelled JSON runs as before: no SQL starts with {");
    StringBuilder deep = new StringBuilder("{\"query\":\"SELECT ?\",\"params\":[");
    deep.append("[".repeat(40)).append("]".repeat(40)).append("]}");
    HttpResponse<String> tooDeep = post(owner.bearer(), deep.toString(), null);
    assertEquals(400, tooDeep.statusCode(), tooDeep.body());
  }

  @Test
  void theNumberOfParametersAndStatementsIsBounded() throws Exception {
    StringBuilder many = new StringBuilder("{\"query\":\"SELECT 1\",\"params\":[");
    for (int i = 0; i < 1001; i++) {
      many.append(i == 0 ? "" : ",").append(i);
    }
    refused(
        many.append("]}").toString(),
        400,
        "{\"type\":\"QueryError\",\"message\":\"The body binds 1001 parameters; at most 1000 are"
            + " allowed ([http] max_query_params)\"}");
    StringBuilder batch = new StringBuilder("{\"statements\":[");
    for (int i = 0; i < 101; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"query\":\"SELECT 1\"}");
    }
    refused(
        batch.append("]}").toString(),
        400,
        "{\"type\":\"QueryError\",\"message\":\"The batch holds 101 statements; at most 100 are"
            + " allowed ([http] max_batch_statements)\"}");
    // Far more values than both caps allow are refused before the body is parsed into a tree:
    // 500 000 small numbers (1 MB of JSON) would take tens of megabytes as one.
    StringBuilder flood = new StringBuilder("{\"query\":\"SELECT 1\",\"params\":[");
    for (int i = 0; i < 500_000; i++) {
      flood.append(i == 0 ? "0" : ",0");
    }
    refused(
        flood.append("]}").toString(),
        400,
        "{\"type\":\"Other\",\"message\":\"Malformed request body: the JSON holds more than 4532"
            + " values\"}");
  }

  @Test
  void aBatchRunsAtomicallyAndAnswersEachResult() throws Exception {
    String body =
        "{\"statements\":["
            + "{\"query\":\"INSERT INTO t(id, name) VALUES (?, ?)\",\"params\":[1, \"a\"]},"
            + "{\"query\":\"INSERT INTO t(id, name) VALUES (:id, :name)\",\"params\":{\"id\":2,\"name\":\"b\"}},"
            + "{\"query\":\"SELECT id, name FROM t ORDER BY id\"}]}";
    assertEquals(
        "{\"results\":[{\"fields\":[],\"rows\":[]},{\"fields\":[],\"rows\":[]},"
            + "{\"fields\":[\"id\",\"name\"],\"rows\":[[\"1\",\"a\"],[\"2\",\"b\"]]}]}",
        ok(body).body());
    HttpResponse<String> typed =
        post(
            owner.bearer(),
            "{\"statements\":[{\"query\":\"UPDATE t SET score = ?\",\"params\":[0.5]},"
                + "{\"query\":\"SELECT sum(score) AS s FROM t\"}]}",
            TYPED);
    assertEquals(200, typed.statusCode(), typed.body());
    JsonArray results = parse(typed.body()).getJsonArray("results");
    assertEquals(2, results.getJsonObject(0).getJsonObject("meta").getInt("rows_changed"));
    assertEquals(
        "[[{\"type\":\"real\",\"value\":1.0}]]",
        results.getJsonObject(1).getJsonArray("rows").toString());
  }

  @Test
  void aBatchFailingAtStatementKLeavesNothingWritten() throws Exception {
    String body =
        "{\"statements\":["
            + "{\"query\":\"INSERT INTO t(id) VALUES (?)\",\"params\":[1]},"
            + "{\"query\":\"INSERT INTO t(id) VALUES (?)\",\"params\":[2]},"
            + "{\"query\":\"INSERT INTO nowhere VALUES (?)\",\"params\":[3]},"
            + "{\"query\":\"INSERT INTO t(id) VALUES (4)\"}]}";
    refused(
        body,
        400,
        "{\"type\":\"QueryError\",\"message\":\"statements[2]: no such table: nowhere\","
            + "\"statement_index\":2}");
    assertEquals("{\"fields\":[\"count(*)\"],\"rows\":[[\"0\"]]}", count());
    refused(
        "{\"statements\":[{\"query\":\"INSERT INTO t(id) VALUES (1)\"},{\"query\":\"COMMIT\"},"
            + "{\"query\":\"INSERT INTO t(id) VALUES (1)\"}]}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"statements[1]: A batch runs in one transaction;"
            + " its statements may not begin or end transactions (BEGIN, COMMIT, END, ROLLBACK,"
            + " SAVEPOINT, RELEASE)\",\"statement_index\":1}");
    refused(
        "{\"statements\":[{\"query\":\"INSERT INTO t(id) VALUES (1)\"},"
            + "{\"query\":\"SELECT ?\",\"params\":{\"x\":1}}]}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"statements[1]: Parameter number 1 is positional:"
            + " send \\\"params\\\" as an array to bind it\",\"statement_index\":1}");
    refused(
        "{\"statements\":[{\"query\":\"SELECT 1\",\"params\":[{\"base64\":\"@@\"}]}]}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"`statements[0].params[0]` is not valid base64:"
            + " Illegal base64 character 40\"}");
    refused(
        "{\"statements\":[]}",
        400,
        "{\"type\":\"QueryError\",\"message\":\"`statements` must be a non-empty array of"
            + " {\\\"query\\\": ..., \\\"params\\\": ...}\"}");
    assertEquals("{\"fields\":[\"count(*)\"],\"rows\":[[\"0\"]]}", count());
  }

  @Test
  void aReadOnlyCallerMayBatchReadsButNoWrite() throws Exception {
    Account reader = new TestAccounts(api).register("params-reader");
    calls.shareOrFail(owner.bearer(), path, reader.entity(), "read-only");
    calls.queryOrFail(owner.bearer(), path, "INSERT INTO t(id, name) VALUES (1, 'a')");
    HttpResponse<String> reads =
        post(
            reader.bearer(),
            "{\"statements\":[{\"query\":\"SELECT name FROM t WHERE id = ?\",\"params\":[1]},"
                + "{\"query\":\"SELECT count(*) AS n FROM t\"}]}",
            null);
    assertEquals(200, reads.statusCode(), reads.body());
    assertEquals(
        "{\"results\":[{\"fields\":[\"name\"],\"rows\":[[\"a\"]]},"
            + "{\"fields\":[\"n\"],\"rows\":[[\"1\"]]}]}",
        reads.body());
    HttpResponse<String> write =
        post(
            reader.bearer(),
            "{\"statements\":[{\"query\":\"SELECT 1\"},"
                + "{\"query\":\"DELETE FROM t WHERE id = ?\",\"params\":[1]}]}",
            null);
    assertEquals(403, write.statusCode(), write.body());
    assertEquals(
        "{\"type\":\"NoWriteAccessError\",\"message\":\"statements[1]: Attempted to write to"
            + " database while in read-only mode\",\"statement_index\":1}",
        write.body());
    assertEquals("{\"fields\":[\"count(*)\"],\"rows\":[[\"1\"]]}", count());
    HttpResponse<String> anonymous = post(null, "{\"query\":\"SELECT ?\",\"params\":[1]}", null);
    assertEquals(401, anonymous.statusCode(), anonymous.body());
  }

  @Test
  void theRowCapSpansABatchAndIsReported() throws Exception {
    String rows =
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?)"
            + " SELECT x FROM c";
    HttpResponse<String> r =
        post(
            owner.bearer(),
            "{\"statements\":[{\"query\":\""
                + rows
                + "\",\"params\":[99999]},"
                + "{\"query\":\""
                + rows
                + "\",\"params\":[5]}]}",
            null);
    assertEquals(200, r.statusCode());
    assertEquals("rows", r.headers().firstValue("Ayb-Truncated").orElse(""));
    JsonArray results = parse(r.body()).getJsonArray("results");
    assertEquals(99999, results.getJsonObject(0).getJsonArray("rows").size());
    assertEquals(false, results.getJsonObject(0).containsKey("truncated"));
    assertEquals(1, results.getJsonObject(1).getJsonArray("rows").size());
    assertEquals("rows", results.getJsonObject(1).getString("truncated"));
  }

  @Test
  void theAuthorizerRefusesInsideJsonBodiesToo() throws Exception {
    HttpResponse<String> r =
        post(owner.bearer(), "{\"query\":\"ATTACH ? AS x\",\"params\":[\"/etc/passwd\"]}", null);
    assertEquals(403, r.statusCode(), r.body());
    assertTrue(
        r.body().startsWith("{\"type\":\"QueryError\",\"message\":\"not authorized"), r.body());
  }

  /**
   * Hostile bodies (malformed JSON, numbers past every range, half surrogate pairs, several
   * statements in one, transaction control, empty statements, values SQLite cannot return) each get
   * a 4xx with ayb's error body, never a failure of the server.
   */
  @Test
  void hostileBodiesAreRefusedWithAnErrorBodyNeverAServerFailure() throws Exception {
    String deep = "[".repeat(200) + "]".repeat(200);
    java.util.Map<String, Integer> bodies = new java.util.LinkedHashMap<>();
    bodies.put("{\"query\":", 400);
    bodies.put("{\"query\":\"SELECT 1\"} []", 400);
    bodies.put("{\"query\":5}", 400);
    bodies.put("{\"statements\":{}}", 400);
    bodies.put("{\"query\":\"SELECT ?\",\"params\":" + deep + "}", 400);
    bodies.put("{\"query\":\"SELECT ?\",\"params\":[1e400]}", 400);
    bodies.put("{\"query\":\"SELECT ?\",\"params\":[1e999999999]}", 400);
    // Past what the JSON parser itself can hold: an exponent beyond an int, an overlong number.
    bodies.put("{\"query\":\"SELECT ?\",\"params\":[1e9999999999]}", 400);
    bodies.put("{\"query\":\"SELECT ?\",\"params\":{\"a\":-1e-9999999999}}", 400);
    bodies.put("{\"query\":\"SELECT ?\",\"params\":[" + "7".repeat(1_200) + "]}", 400);
    bodies.put("{\"query\":\"SELECT ?\",\"params\":[123456789012345678901234567890]}", 400);
    bodies.put("{\"query\":\"SELECT ?\",\"params\":[{\"base64\":\"!!\"}]}", 400);
    bodies.put("{\"query\":\"SELECT ?\",\"params\":[\"\\ud800\"]}", 400);
    bodies.put("{\"query\":\"SELECT :a\",\"params\":{\"a\\u0000\":1}}", 400);
    bodies.put("{\"query\":\"SELECT ?999999\",\"params\":[1]}", 400);
    bodies.put("{\"query\":\"\"}", 400);
    bodies.put("{\"query\":\"-- nothing\"}", 400);
    bodies.put("{\"query\":\"SELECT 1; DELETE FROM t\"}", 400);
    bodies.put("{\"query\":\"SELECT 1\\u0000; DELETE FROM t\"}", 400);
    bodies.put("{\"query\":\"BEGIN\"}", 400);
    bodies.put("{\"query\":\"SAVEPOINT a\"}", 400);
    bodies.put("{\"statements\":[{\"query\":\"SELECT 1\"},{\"query\":\" ;COMMIT\"}]}", 400);
    bodies.put("{\"statements\":[{\"query\":\"RELEASE a\"}]}", 400);
    bodies.put("{\"statements\":[{\"query\":\"ROLLBACK TO a\"}]}", 400);
    bodies.put("{\"query\":\"SELECT CAST(x'ff' AS TEXT)\"}", 400);
    for (var e : bodies.entrySet()) {
      for (String accept : new String[] {null, TYPED}) {
        HttpResponse<String> r = post(owner.bearer(), e.getKey(), accept);
        assertEquals((int) e.getValue(), r.statusCode(), e.getKey() + " -> " + r.body());
        assertTrue(r.body().startsWith("{\"type\":\""), e.getKey() + " -> " + r.body());
      }
    }
    assertEquals("{\"fields\":[\"count(*)\"],\"rows\":[[\"0\"]]}", count(), "nothing ran");
    // A REAL past every double is answered as a string, not a broken number.
    HttpResponse<String> inf = post(owner.bearer(), "{\"query\":\"SELECT 1e308 * 10\"}", TYPED);
    assertEquals(200, inf.statusCode(), inf.body());
    assertTrue(inf.body().contains("{\"type\":\"real\",\"value\":\"inf\"}"), inf.body());
  }

  /**
   * Nothing of one request shows in the next on the same daemon: temp tables of a failed batch,
   * another caller's last insert id and change count, a pragma set by a reader.
   */
  @Test
  void noStateOutlivesARequest() throws Exception {
    Account reader = new TestAccounts(api).register("params-leak");
    calls.shareOrFail(owner.bearer(), path, reader.entity(), "read-only");
    HttpResponse<String> failed =
        post(
            owner.bearer(),
            "{\"statements\":[{\"query\":\"CREATE TEMP TABLE tt(a)\"},"
                + "{\"query\":\"INSERT INTO nowhere VALUES (1)\"}]}",
            null);
    assertEquals(400, failed.statusCode(), failed.body());
    ok("{\"query\":\"INSERT INTO t(id, name) VALUES (?, ?)\",\"params\":[41, \"x\"]}");
    assertEquals(
        "{\"fields\":[\"temp\",\"id\",\"n\"],\"rows\":[[\"0\",\"0\",\"0\"]]}",
        ok("{\"query\":\"SELECT (SELECT count(*) FROM temp.sqlite_schema) AS temp,"
                + " last_insert_rowid() AS id, changes() AS n\"}")
            .body());
    // A reader may set its own connection's pragma or make a temp table (or be refused); the
    // next request must not see either.
    for (String sql :
        new String[] {
          "PRAGMA case_sensitive_like = 1",
          "CREATE TEMP TABLE tt(a)",
          "CREATE TEMP VIEW v AS SELECT 1"
        }) {
      HttpResponse<String> r =
          post(reader.bearer(), "{\"statements\":[{\"query\":\"" + sql + "\"}]}", null);
      assertTrue(r.statusCode() < 500, sql + " -> " + r.body());
    }
    HttpResponse<String> like =
        post(
            reader.bearer(),
            "{\"query\":\"SELECT 'a' LIKE 'A' AS ci, (SELECT count(*) FROM temp.sqlite_schema)"
                + " AS temp\"}",
            null);
    assertEquals("{\"fields\":[\"ci\",\"temp\"],\"rows\":[[\"1\",\"0\"]]}", like.body());
  }

  /** An anonymous caller of a public read-only database reads through batches, and only reads. */
  @Test
  void anAnonymousCallerOfAPublicDatabaseOnlyReads() throws Exception {
    String open = "/v1/" + owner.entity() + "/open.sqlite";
    calls.createOrFail(owner.bearer(), open, "read-only");
    calls.queryOrFail(owner.bearer(), open, "CREATE TABLE t(a); INSERT INTO t VALUES (1)");
    path = open;
    HttpResponse<String> read =
        post(
            null,
            "{\"statements\":[{\"query\":\"SELECT a FROM t WHERE a = ?\",\"params\":[1]}]}",
            TYPED);
    assertEquals(200, read.statusCode(), read.body());
    for (String sql :
        new String[] {
          "INSERT INTO t VALUES (2)",
          "DELETE FROM t",
          "CREATE TABLE u(a)",
          "PRAGMA user_version = 7",
          "PRAGMA journal_mode = DELETE",
          "ATTACH 'x.db' AS x",
          "VACUUM"
        }) {
      HttpResponse<String> r =
          post(
              null,
              "{\"statements\":[{\"query\":\"SELECT 1\"},{\"query\":\"" + sql + "\"}]}",
              null);
      assertTrue(r.statusCode() == 400 || r.statusCode() == 403, sql + " -> " + r.body());
      assertTrue(r.body().startsWith("{\"type\":\""), sql + " -> " + r.body());
    }
    assertEquals(
        "{\"fields\":[\"n\",\"v\"],\"rows\":[[\"1\",\"0\"]]}",
        calls
            .queryOrFail(
                owner.bearer(),
                open,
                "SELECT (SELECT count(*) FROM t) AS n, user_version AS v FROM pragma_user_version")
            .body());
  }

  /**
   * Large cells in turn in different columns, request after request on the same daemon: what one
   * request needed to hold its cells must not stay held by the next, or the daemon's small heap
   * runs out and a plain read fails with a server error.
   */
  @Test
  void bigCellsColumnAfterColumnDoNotExhaustTheDaemon() throws Exception {
    for (int column = 0; column < 8; column++) {
      StringBuilder sql = new StringBuilder("SELECT ");
      for (int c = 0; c < 8; c++) {
        sql.append(c == 0 ? "" : ", ")
            .append(c == column ? "printf('%.*c', 3000000, 'x')" : "NULL")
            .append(" AS c")
            .append(c);
      }
      for (String accept : new String[] {null, TYPED}) {
        HttpResponse<String> r = post(owner.bearer(), "{\"query\":\"" + sql + "\"}", accept);
        assertEquals(
            200,
            r.statusCode(),
            column + ": " + r.body().substring(0, Math.min(300, r.body().length())));
        assertTrue(r.body().contains("x".repeat(3_000_000)));
      }
    }
  }
}
