package org.aybdb.sandbox.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.aybdb.sandbox.protocol.ErrorKind;
import org.aybdb.sandbox.protocol.FrameCodec;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.protocol.Response;
import org.aybdb.sandbox.protocol.Truncation;
import org.aybdb.sandbox.sqlite.Sqlite3;
import org.aybdb.sandbox.sqlite.SqliteConnection;
import org.junit.jupiter.api.Test;

/** The executor in-process, over the real libsqlite3 (the sandbox is tested by the ITs). */
class QueryExecutorTest extends ExecutorTestBase {

  @Test
  void ddlDmlAndSelect() throws IOException {
    Answer create = ok(QueryMode.READ_WRITE, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");
    assertEquals(List.of(), create.fields());
    assertEquals(List.of(), create.rows());
    assertEquals(1, create.end().statements());
    ok(QueryMode.READ_WRITE, "INSERT INTO t(name) VALUES ('ann'), ('bob')");
    Answer select = ok(QueryMode.READ_ONLY, "SELECT id, name FROM t ORDER BY id");
    assertEquals(List.of("id", "name"), select.fields());
    assertEquals(List.of(List.of("1", "ann"), List.of("2", "bob")), select.rows());
    assertEquals(Truncation.NONE, select.end().truncation());
  }

  @Test
  void selectWithNoRowsStillListsFields() throws IOException {
    ok(QueryMode.READ_WRITE, "CREATE TABLE t(a, b)");
    Answer a = ok(QueryMode.READ_ONLY, "SELECT a, b AS bee FROM t");
    assertEquals(List.of("a", "bee"), a.fields());
    assertEquals(List.of(), a.rows());
  }

  @Test
  void everyStatementRunsAndTheLastOneAnswers() throws IOException {
    Answer a =
        ok(
            QueryMode.READ_WRITE,
            "CREATE TABLE t(x); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);\n"
                + "-- a comment\nSELECT sum(x) AS s FROM t; /* trailing */ ;  ");
    assertEquals(4, a.end().statements());
    assertEquals(List.of("s"), a.fields());
    assertEquals(List.of(List.of("3")), a.rows());
    Answer last = ok(QueryMode.READ_WRITE, "SELECT 1; INSERT INTO t VALUES (3)");
    assertEquals(List.of(), last.fields());
    assertEquals(List.of("3"), ok(QueryMode.READ_ONLY, "SELECT count(*) FROM t").rows().get(0));
  }

  @Test
  void aFailingStatementStopsTheRestAndSaysWhichOne() throws IOException {
    ok(QueryMode.READ_WRITE, "CREATE TABLE t(x)");
    Response.Error e =
        fails(
            QueryMode.READ_WRITE,
            "INSERT INTO t VALUES (1); SELECT * FROM nope; INSERT INTO t VALUES (2)",
            ErrorKind.SQL);
    assertEquals("no such table: nope", e.message());
    assertEquals(2, e.statementIndex());
    assertEquals(List.of(List.of("1")), ok(QueryMode.READ_ONLY, "SELECT x FROM t").rows());
  }

  @Test
  void emptyBodyAnswersNothing() throws IOException {
    Answer a = ok(QueryMode.READ_WRITE, "  -- nothing\n ; ");
    assertEquals(0, a.end().statements());
    assertEquals(List.of(), a.fields());
  }

  @Test
  void readOnlyConnectionRefusesWritesWithItsOwnKind() throws IOException {
    ok(QueryMode.READ_WRITE, "CREATE TABLE t(x)");
    Response.Error e = fails(QueryMode.READ_ONLY, "INSERT INTO t VALUES (1)", ErrorKind.READ_ONLY);
    assertEquals(Sqlite3.SQLITE_READONLY, e.sqliteCode());
    assertEquals("attempt to write a readonly database", e.message());
    // SQL cannot lift it: query_only off does not make the connection writable.
    fails(
        QueryMode.READ_ONLY,
        "PRAGMA query_only = OFF; INSERT INTO t VALUES (1)",
        ErrorKind.READ_ONLY);
    fails(QueryMode.READ_ONLY, "CREATE TABLE u(y)", ErrorKind.READ_ONLY);
    assertEquals(List.of(List.of("0")), ok(QueryMode.READ_ONLY, "SELECT count(*) FROM t").rows());
  }

  @Test
  void aNeverWrittenDatabaseReadsAsEmpty() throws IOException {
    assertEquals(List.of(List.of("1")), ok(QueryMode.READ_ONLY, "SELECT 1").rows());
    assertEquals(
        List.of(List.of("0")),
        ok(QueryMode.READ_ONLY, "SELECT count(*) FROM sqlite_schema").rows());
    assertEquals(List.of(List.of("wal")), ok(QueryMode.READ_ONLY, "PRAGMA journal_mode").rows());
    // And the owner can then write to it as usual.
    ok(QueryMode.READ_WRITE, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    assertEquals(List.of(List.of("1")), ok(QueryMode.READ_ONLY, "SELECT x FROM t").rows());
  }

  @Test
  void valuesAreFormattedAsReferenceSection74() throws IOException {
    Answer a =
        ok(
            QueryMode.READ_WRITE,
            "SELECT NULL, 42, -9223372036854775808, 10.0, 1.5, 1e-7, 'tëxt', x'68c3a9', 1e999,"
                + " -1e999, 0.1 + 0.2, CAST(2.82879384806159E17 AS REAL), ''");
    assertEquals(
        Arrays.asList(
            null,
            "42",
            "-9223372036854775808",
            "10",
            "1.5",
            "0.0000001",
            "tëxt",
            "hé",
            "inf",
            "-inf",
            "0.30000000000000004",
            "282879384806159000",
            ""),
        a.rows().get(0));
  }

  @Test
  void nonUtf8BlobAndTextFailAsInAyb() throws IOException {
    Response.Error blob = fails(QueryMode.READ_WRITE, "SELECT x'41ff'", ErrorKind.VALUE_NOT_UTF8);
    assertEquals("Utf8Error { valid_up_to: 1, error_len: Some(1) }", blob.message());
    Response.Error text =
        fails(QueryMode.READ_WRITE, "SELECT CAST(x'c3' AS TEXT)", ErrorKind.VALUE_NOT_UTF8);
    assertEquals("Other(Utf8Error { valid_up_to: 0, error_len: None })", text.message());
  }

  @Test
  void transactionLeftOpenIsRolledBackAndReported() throws IOException {
    ok(QueryMode.READ_WRITE, "CREATE TABLE t(x)");
    Response.Error e =
        fails(
            QueryMode.READ_WRITE,
            "BEGIN; INSERT INTO t VALUES (1)",
            ErrorKind.TRANSACTION_LEFT_OPEN);
    assertTrue(e.message().contains("rolled back"), e.message());
    assertEquals(List.of(List.of("0")), ok(QueryMode.READ_ONLY, "SELECT count(*) FROM t").rows());
    Answer committed = ok(QueryMode.READ_WRITE, "BEGIN; INSERT INTO t VALUES (1); COMMIT");
    assertEquals(3, committed.end().statements());
    assertEquals(List.of(List.of("1")), ok(QueryMode.READ_ONLY, "SELECT count(*) FROM t").rows());
  }

  @Test
  void connectionStateDoesNotLeakIntoTheNextRequest() throws IOException {
    ok(QueryMode.READ_WRITE, "CREATE TABLE users(name TEXT); INSERT INTO users VALUES ('real')");
    // A read-only caller may create temp objects; they must not shadow tables for later callers.
    ok(QueryMode.READ_ONLY, "CREATE TEMP VIEW users AS SELECT 'fake' AS name");
    assertEquals(
        List.of(List.of("real")), ok(QueryMode.READ_ONLY, "SELECT name FROM users").rows());
    ok(QueryMode.READ_WRITE, "PRAGMA foreign_keys = OFF");
    assertEquals(List.of(List.of("1")), ok(QueryMode.READ_WRITE, "PRAGMA foreign_keys").rows());
  }

  @Test
  void timeLimitInterruptsAnInfiniteQuery() throws IOException {
    long start = System.nanoTime();
    Answer a =
        run(
            new Request.Query(
                ++ids,
                0,
                QueryMode.READ_WRITE,
                300,
                0,
                0,
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                    + " SELECT count(*) FROM c"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(ErrorKind.TIMEOUT, a.error().kind());
    assertEquals(
        "Query exceeded the time limit of 300 ms and was interrupted", a.error().message());
    assertTrue(millis >= 300 && millis < 5000, "stopped after " + millis + " ms");
    assertEquals(List.of(List.of("1")), ok(QueryMode.READ_WRITE, "SELECT 1").rows());
  }

  private static final String THOUSAND =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000) ";

  @Test
  void rowCapTruncatesAndSaysSo() throws IOException {
    Answer a =
        run(
            new Request.Query(
                ++ids, 0, QueryMode.READ_WRITE, 0, 10, 0, THOUSAND + "SELECT x FROM c"));
    assertEquals(10, a.rows().size());
    assertEquals(Truncation.ROWS, a.end().truncation());
    Answer exact =
        run(
            new Request.Query(
                ++ids, 0, QueryMode.READ_WRITE, 0, 1000, 0, THOUSAND + "SELECT x FROM c"));
    assertEquals(1000, exact.rows().size());
    assertEquals(Truncation.NONE, exact.end().truncation());
  }

  @Test
  void byteCapTruncatesAndSaysSo() throws IOException {
    Answer a =
        run(
            new Request.Query(
                ++ids,
                0,
                QueryMode.READ_WRITE,
                0,
                0,
                1000,
                THOUSAND + "SELECT printf('%.100c', 'a') FROM c"));
    // Each row costs its 100 characters, 2 quotes, a comma and 2 brackets as JSON: 105 bytes.
    assertEquals(9, a.rows().size());
    assertEquals(Truncation.BYTES, a.end().truncation());
  }

  @Test
  void aWritingStatementRunsToItsEndEvenWhenItsRowsAreCut() throws IOException {
    ok(QueryMode.READ_WRITE, "CREATE TABLE t(x)");
    Answer a =
        run(
            new Request.Query(
                ++ids,
                0,
                QueryMode.READ_WRITE,
                0,
                5,
                0,
                THOUSAND + "INSERT INTO t SELECT x FROM c RETURNING x"));
    assertEquals(5, a.rows().size());
    assertEquals(Truncation.ROWS, a.end().truncation());
    assertEquals(
        List.of(List.of("1000")), ok(QueryMode.READ_ONLY, "SELECT count(*) FROM t").rows());
  }

  @Test
  void sqlSizeIsCapped() throws IOException {
    executor.close();
    DaemonOptions small =
        DaemonOptions.parse(
            new String[] {"--db=" + dir.resolve("db.sqlite"), "--max-sql-bytes=100"});
    executor = new QueryExecutor(small);
    Response.Error e =
        fails(QueryMode.READ_WRITE, "SELECT '" + "x".repeat(200) + "'", ErrorKind.SQL_TOO_LARGE);
    assertEquals("The query is 209 bytes long; the maximum is 100 bytes", e.message());
    ok(QueryMode.READ_WRITE, "SELECT 1");
  }

  @Test
  void nestingAndViewCapsAreConfigurable() throws IOException {
    executor.close();
    DaemonOptions small =
        DaemonOptions.parse(
            new String[] {
              "--db=" + dir.resolve("db.sqlite"),
              "--max-nesting-keywords=3",
              "--max-views-and-triggers=1",
              "--request-stack-bytes=1048576"
            });
    assertEquals(small, DaemonOptions.parse(small.toArgs().toArray(String[]::new)));
    assertEquals(1L << 20, small.requestStackBytes());
    executor = new QueryExecutor(small);
    Response.Error e =
        fails(
            QueryMode.READ_ONLY,
            "WITH a AS (SELECT 1), b AS (SELECT * FROM a) SELECT * FROM b, (SELECT 2)",
            ErrorKind.BAD_REQUEST);
    assertTrue(e.message().startsWith("The query holds 4 SELECT and TRIGGER keywords; at most 3"));
    ok(QueryMode.READ_WRITE, "CREATE TABLE t(x); CREATE VIEW v AS SELECT x FROM t");
    Response.Error view =
        fails(QueryMode.READ_WRITE, "CREATE VIEW w AS SELECT x FROM t", ErrorKind.SQL);
    assertTrue(
        view.message().startsWith("The database already holds 1 views and triggers; at most 1"),
        view.message());
    assertEquals(List.of(List.of("0")), ok(QueryMode.READ_ONLY, "SELECT count(*) FROM v").rows());
  }

  @Test
  void hardeningIsInEffect() throws IOException, Exception {
    ok(QueryMode.READ_WRITE, "CREATE TABLE t(x)");
    assertTrue(
        fails(
                QueryMode.READ_WRITE,
                "ATTACH '" + dir.resolve("other.db") + "' AS o",
                ErrorKind.NOT_AUTHORIZED)
            .message()
            .startsWith("not authorized: ATTACH and DETACH are not allowed"));
    assertEquals(
        "not authorized: function load_extension() is not allowed",
        fails(QueryMode.READ_WRITE, "SELECT load_extension('libm.so.6')", ErrorKind.NOT_AUTHORIZED)
            .message());
    assertEquals(
        "not authorized: PRAGMA writable_schema may be read but not set",
        fails(
                QueryMode.READ_WRITE,
                "PRAGMA writable_schema = ON;"
                    + " UPDATE sqlite_schema SET sql = 'CREATE TABLE t(x, y)' WHERE name = 't'",
                ErrorKind.NOT_AUTHORIZED)
            .message());
    assertEquals(List.of(List.of("ok")), ok(QueryMode.READ_ONLY, "PRAGMA integrity_check").rows());
    assertEquals(
        "string or blob too big",
        fails(QueryMode.READ_WRITE, "SELECT randomblob(100000000)", ErrorKind.SQL).message());
    assertEquals(List.of(List.of("0")), ok(QueryMode.READ_WRITE, "PRAGMA trusted_schema").rows());
    assertEquals(List.of(List.of("wal")), ok(QueryMode.READ_WRITE, "PRAGMA journal_mode").rows());
    assertEquals(List.of(List.of("2")), ok(QueryMode.READ_WRITE, "PRAGMA synchronous").rows());
    try (SqliteConnection c =
        SqliteConnection.open(
            dir.resolve("db.sqlite"), true, new SqliteConnection.Settings(1000, 1000, 0, 0))) {
      assertEquals(1, c.dbConfigValue(Sqlite3.SQLITE_DBCONFIG_DEFENSIVE));
      assertEquals(0, c.dbConfigValue(Sqlite3.SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION));
      assertEquals(0, c.dbConfigValue(Sqlite3.SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER));
      assertEquals(0, c.dbConfigValue(Sqlite3.SQLITE_DBCONFIG_WRITABLE_SCHEMA));
      assertEquals(0, c.dbConfigValue(Sqlite3.SQLITE_DBCONFIG_TRUSTED_SCHEMA));
    }
  }

  @Test
  void pingAndShutdown() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(executor.handle(new Request.Ping(5), out));
    assertFalse(executor.handle(new Request.Shutdown(6), out));
    FrameCodec.Reader reader =
        new FrameCodec.Reader(new ByteArrayInputStream(out.toByteArray()), 1 << 20);
    assertEquals(new Response.Pong(5), reader.readResponse());
    assertInstanceOf(Response.Ok.class, reader.readResponse());
  }

  @Test
  void eachRequestWaitsForALockedDatabaseAsLongAsItsOwnTimeout() throws Exception {
    ok(QueryMode.READ_WRITE, "CREATE TABLE k(a)");
    try (SqliteConnection holder =
        SqliteConnection.open(
            dir.resolve("db.sqlite"),
            false,
            new SqliteConnection.Settings(1 << 20, 1 << 20, 0, 0))) {
      // A 300 ms request gives up on the lock after about that long, not after the 5 s default.
      holder.exec("BEGIN IMMEDIATE");
      long t0 = System.nanoTime();
      Answer gaveUp = run(write(300, "INSERT INTO k VALUES (1)"));
      long waitedMillis = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(gaveUp.error() != null, () -> "expected a busy error, got " + gaveUp);
      assertEquals(5, gaveUp.error().sqliteCode() & 0xff, gaveUp.error()::message); // SQLITE_BUSY
      assertTrue(waitedMillis < 3000, "waited " + waitedMillis + " ms");
      holder.exec("COMMIT");
      // The connection kept after a 300 ms request serves a 4 s one: it waits out a lock held
      // for 600 ms (its busy timeout was raised again, not left at 300 ms).
      assertEquals(null, run(write(300, "SELECT 1")).error());
      holder.exec("BEGIN IMMEDIATE");
      Thread release =
          new Thread(
              () -> {
                try {
                  Thread.sleep(600);
                  holder.exec("COMMIT");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      release.start();
      Answer waited = run(write(4000, "INSERT INTO k VALUES (2)"));
      release.join();
      assertEquals(null, waited.error(), () -> waited.error().message());
    }
    assertEquals(List.of(List.of("2")), ok(QueryMode.READ_ONLY, "SELECT a FROM k").rows());
  }

  private Request.Query write(int timeoutMillis, String sql) {
    return new Request.Query(++ids, 0, QueryMode.READ_WRITE, timeoutMillis, 0, 0, sql);
  }
}
