package org.aybdb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.aybdb.sandbox.client.DaemonProcess;
import org.aybdb.sandbox.client.DaemonQueryException;
import org.aybdb.sandbox.client.QueryResult;
import org.aybdb.sandbox.launcher.SandboxConfig;
import org.aybdb.sandbox.protocol.ErrorKind;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real DuckDB daemons behind the real first stage: ayb's results, value text and read-only error,
 * and escape attempts, each followed by a normal query on the same daemon.
 */
class DuckDbDaemonIT {

  private static final Duration T = Duration.ofSeconds(30);
  private static final SandboxConfig CONFIG =
      SandboxConfig.builder().defaultTimeoutMillis(3_000).build();

  private Path dir;
  private DaemonProcess daemon;

  @BeforeEach
  void start() throws Exception {
    dir = Sandboxes.newDir("duckdb");
    daemon = Sandboxes.startDuckDb(CONFIG, dir);
    QueryResult created = ok(QueryMode.READ_WRITE, "CREATE TABLE t(id INTEGER, name VARCHAR)");
    assertEquals(List.of(), created.rows());
    QueryResult inserted = ok(QueryMode.READ_WRITE, "INSERT INTO t VALUES (1, 'ann'), (2, 'bob')");
    assertEquals(List.of("Count"), inserted.fields());
    assertEquals(List.of(List.of("2")), inserted.rows());
  }

  @AfterEach
  void stop() {
    daemon.close();
  }

  private QueryResult ok(QueryMode mode, String sql) throws Exception {
    return daemon.query(mode, sql, T);
  }

  private String refused(QueryMode mode, String sql) throws Exception {
    DaemonQueryException e =
        assertThrows(DaemonQueryException.class, () -> daemon.query(mode, sql, T), sql);
    stillWorks();
    return e.errorMessage();
  }

  private void stillWorks() throws Exception {
    assertTrue(daemon.isAlive());
    QueryResult r = ok(QueryMode.READ_ONLY, "SELECT name FROM t ORDER BY id");
    assertEquals(List.of(List.of("ann"), List.of("bob")), r.rows());
  }

  @Test
  void servesDuckDbInItsSandbox() throws Exception {
    assertTrue(daemon.hello().engineVersion().startsWith("duckdb"), daemon.hello().toString());
    assertTrue(
        daemon.hello().sandboxStatus().startsWith("sandboxed"), daemon.hello().sandboxStatus());
    QueryResult settings =
        ok(
            QueryMode.READ_ONLY,
            "SELECT current_setting('threads'), current_setting('enable_external_access'),"
                + " current_setting('lock_configuration'),"
                + " current_setting('autoinstall_known_extensions'),"
                + " current_setting('autoload_known_extensions'),"
                + " current_setting('max_temp_directory_size'), current_setting('memory_limit')");
    // Spilling is bounded like every file of the daemon (RLIMIT_FSIZE, 256 MiB by default).
    assertEquals(
        List.of(List.of("1", "false", "true", "false", "false", "256.0 MiB", "64.0 MiB")),
        settings.rows());
    // Nothing was unpacked next to the database: only DuckDB's own files are there.
    try (var files = Files.list(dir)) {
      assertTrue(
          files.allMatch(p -> p.getFileName().toString().startsWith("db.duckdb")),
          "only db.duckdb and its WAL in " + dir);
    }
  }

  @Test
  void answersLikeAyb() throws Exception {
    QueryResult update = ok(QueryMode.READ_WRITE, "UPDATE t SET name = upper(name) WHERE id = 1");
    assertEquals(List.of(List.of("1")), update.rows());
    ok(QueryMode.READ_WRITE, "UPDATE t SET name = lower(name)");
    QueryResult last = ok(QueryMode.READ_ONLY, "SELECT 1 AS a; SELECT count(*) AS n FROM t");
    assertEquals(List.of("n"), last.fields());
    assertEquals(List.of(List.of("2")), last.rows());
  }

  @Test
  void aTransactionLeftOpenIsRolledBackAndSaidSo() throws Exception {
    DaemonQueryException e =
        assertThrows(
            DaemonQueryException.class,
            () -> daemon.query(QueryMode.READ_WRITE, "BEGIN; INSERT INTO t VALUES (3, 'cat')", T));
    assertEquals(ErrorKind.TRANSACTION_LEFT_OPEN, e.kind(), e.errorMessage());
    stillWorks(); // still two rows
    ok(QueryMode.READ_WRITE, "BEGIN; INSERT INTO t VALUES (3, 'cat'); ROLLBACK");
    stillWorks();
  }

  @Test
  void formatsEveryTypeAsAybDoes() throws Exception {
    QueryResult r =
        ok(
            QueryMode.READ_ONLY,
            "SELECT NULL, true, 42::TINYINT, 170141183460469231731687303715884105727::HUGEINT,"
                + " 18446744073709551615::UBIGINT, 10.0::DOUBLE, 1e-7::DOUBLE, 0.1::FLOAT,"
                + " 'héllo', '\\xFF'::BLOB, DATE '2024-01-02',"
                + " TIMESTAMP '2024-01-02 03:04:05', TIMESTAMP '2024-01-02 03:04:05.123',"
                + " TIME '01:02:03.5', 1.5, 1.50::DECIMAL(5,2), [1, 2], {'a': 1},"
                + " INTERVAL 1 DAY");
    assertEquals(
        Arrays.asList(
            null,
            "true",
            "42",
            "170141183460469231731687303715884105727",
            "18446744073709551615",
            "10",
            "0.0000001",
            "0.1",
            "héllo",
            "\uFFFD", // not UTF-8: replaced, as ayb does
            "2024-01-02",
            "2024-01-02 03:04:05",
            "2024-01-02 03:04:05.123",
            "01:02:03.500",
            "1.5",
            "1.50",
            "[1, 2]",
            "{'a': 1}",
            "1 day"),
        r.rows().get(0));
  }

  @Test
  void readOnlyCallersCannotWrite() throws Exception {
    DaemonQueryException e =
        assertThrows(
            DaemonQueryException.class,
            () -> daemon.query(QueryMode.READ_ONLY, "INSERT INTO t VALUES (3, 'cat')", T));
    assertEquals(ErrorKind.READ_ONLY, e.kind(), e.errorMessage());
    stillWorks();
  }

  @Test
  void escapesAreRefusedOrContained() throws Exception {
    Files.writeString(dir.getParent().resolve("outside.csv"), "a,b\n1,2\n");
    for (String sql :
        List.of(
            "SELECT * FROM read_csv('/etc/passwd')",
            "SELECT * FROM read_csv('" + dir.getParent().resolve("outside.csv") + "')",
            "SELECT * FROM read_text('/proc/self/environ')",
            "COPY t TO '/tmp/ayb-duckdb-escape.csv'",
            "COPY t TO '" + dir.resolve("inside.csv") + "'",
            "ATTACH '/tmp/ayb-duckdb-escape.duckdb' AS x",
            "INSTALL httpfs",
            "LOAD httpfs",
            "SELECT * FROM read_parquet('https://example.com/x.parquet')",
            "SELECT * FROM 'http://127.0.0.1:1/x.csv'",
            "SET enable_external_access = true",
            "SET lock_configuration = false",
            "SET memory_limit = '10GB'",
            "SET threads = 8",
            "PRAGMA enable_profiling='json'",
            "SET profiling_output = '/tmp/ayb-duckdb-profile.json'")) {
      String message = refused(QueryMode.READ_WRITE, sql);
      assertFalse(message.isEmpty(), sql);
    }
    assertFalse(Files.exists(Path.of("/tmp/ayb-duckdb-escape.csv")));
    assertFalse(Files.exists(Path.of("/tmp/ayb-duckdb-escape.duckdb")));
    assertFalse(Files.exists(dir.resolve("inside.csv")));
  }

  @Test
  void hugeRangeIsStoppedByTheTimeLimit() throws Exception {
    DaemonQueryException e =
        assertThrows(
            DaemonQueryException.class,
            () ->
                daemon.query(
                    QueryMode.READ_ONLY, "SELECT sum(range) FROM range(1000000000000)", T));
    assertEquals(ErrorKind.TIMEOUT, e.kind(), e.errorMessage());
    stillWorks();
    // Memory stays bounded: a join that would need far more ends with an error, and the daemon
    // lives on.
    refused(
        QueryMode.READ_ONLY,
        "SELECT count(DISTINCT a.range::VARCHAR || b.range::VARCHAR)"
            + " FROM range(100000) a, range(100000) b");
    // A result bigger than memory is cut by the row cap, not built whole.
    QueryResult many =
        daemon.query(Request.Query.of(9, QueryMode.READ_ONLY, "SELECT * FROM range(100000000)"), T);
    assertTrue(many.truncated());
    stillWorks();
  }

  @Test
  void snapshotsCopyTheDatabaseInsideTheDaemon() throws Exception {
    daemon.vacuumInto("copy.duckdb", 10_000, T);
    assertTrue(Files.size(dir.resolve("copy.duckdb")) > 0);
    stillWorks();
    try (DaemonProcess copy =
        DaemonProcess.start(
            org.aybdb.sandbox.launcher.SandboxCommand.daemon(
                CONFIG,
                Sandboxes.runtime(),
                dir.resolve("copy.duckdb"),
                org.aybdb.sandbox.daemon.Engine.DUCKDB),
            dir,
            ProcessBuilder.Redirect.INHERIT,
            T)) {
      assertEquals(
          List.of(List.of("2")),
          copy.query(QueryMode.READ_ONLY, "SELECT count(*) FROM t", T).rows());
    }
  }
}
