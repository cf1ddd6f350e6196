package org.aybdb.sandbox.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.aybdb.sandbox.protocol.ErrorKind;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.protocol.Truncation;
import org.junit.jupiter.api.Test;

/**
 * Untrusted SQL stays inside its access level: every rule of the access policy with an allowed and
 * a refused example, the known attacks, and no state left for the next caller. Each case ends with
 * the owner's normal query working.
 */
class ContainmentTest extends OwnersTableTestBase {

  private void refused(QueryMode mode, String sql, String message) throws IOException {
    assertEquals(
        "not authorized: " + message, fails(mode, sql, ErrorKind.NOT_AUTHORIZED).message(), sql);
  }

  // ------------------------------------------------------------------ attacks

  @Test
  void fts3TokenizerTwoArgumentFormIsRefused() throws IOException {
    for (QueryMode mode : List.of(RO, RW)) {
      refused(
          mode,
          "SELECT fts3_tokenizer('simple', X'0010000000000000')",
          "function fts3_tokenizer() is not allowed");
    }
    // Full-text search itself still works, with the real tokenizer.
    ok(RW, "CREATE VIRTUAL TABLE docs USING fts4(body); INSERT INTO docs VALUES ('hello world')");
    assertEquals(
        List.of(List.of("hello world")),
        ok(RO, "SELECT body FROM docs WHERE docs MATCH 'hello'").rows());
    ownerStillWorks();
  }

  @Test
  void fts3TokenizerPointerLeakIsRefused() throws IOException {
    refused(RO, "SELECT hex(fts3_tokenizer('simple'))", "function fts3_tokenizer() is not allowed");
    // Hidden in a view a writer created: refused when anyone reads the view.
    ok(RW, "CREATE VIEW leak AS SELECT fts3_tokenizer('simple') AS p");
    // (the untrusted schema rule stops it first: fts3_tokenizer is not innocuous)
    assertTrue(run(RO, "SELECT * FROM leak").error().message().contains("fts3_tokenizer"));
    refused(RO, "SELECT fts5(NULL)", "function fts5() is not allowed");
    ownerStillWorks();
  }

  @Test
  void processWidePragmasAreRefusedEvenAsTableValuedFunctions() throws IOException {
    for (String pragma :
        List.of(
            "hard_heap_limit=20000",
            "soft_heap_limit=20000",
            "temp_store_directory='/tmp'",
            "data_store_directory='/tmp'",
            "mmap_size=1000000",
            "threads=4",
            "hard_heap_limit",
            "database_list")) {
      String name = pragma.replaceAll("=.*", "");
      for (QueryMode mode : List.of(RO, RW)) {
        refused(
            mode,
            "PRAGMA " + pragma,
            "PRAGMA " + name + " is not allowed: it acts on the whole daemon process or on files");
      }
    }
    // As table-valued functions: no way to pass the value, and the pragma itself is checked.
    fails(RO, "SELECT * FROM pragma_hard_heap_limit(20000)", ErrorKind.SQL);
    refused(
        RO,
        "SELECT * FROM pragma_hard_heap_limit",
        "PRAGMA hard_heap_limit is not allowed: it acts on the whole daemon process or on files");
    fails(RO, "SELECT * FROM pragma_user_version(5)", ErrorKind.SQL);
    // A big query still runs (no heap limit was set).
    assertEquals(List.of(List.of("100000")), ok(RW, "SELECT length(zeroblob(100000))").rows());
    ownerStillWorks();
  }

  @Test
  void nulInTheSqlIsRefusedAndNothingRuns() throws IOException {
    var e = fails(RW, "SELECT 1\0; DROP TABLE t", ErrorKind.BAD_REQUEST);
    assertEquals(
        "The query contains a NUL byte (at byte 8); SQL text must not contain NUL", e.message());
    fails(RO, "SELECT 1\0", ErrorKind.BAD_REQUEST);
    ownerStillWorks();
  }

  @Test
  void aWideNullResultIsCutAtTheByteCapByItsJsonSize() throws IOException {
    String nulls = String.join(", ", Collections.nCopies(300, "NULL"));
    Answer a =
        run(
            new Request.Query(
                ++ids,
                0,
                RO,
                0,
                0,
                1 << 20,
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000)"
                    + " SELECT "
                    + nulls
                    + " FROM c"));
    // One row is [null,null,...,null], 300 x 5 - 1 + 2 = 1501 bytes, counted as 1502 with its
    // comma: 1 MiB holds 698 rows.
    assertEquals(698, a.rows().size());
    assertEquals(Truncation.BYTES, a.end().truncation());
    Answer empty =
        run(
            new Request.Query(
                ++ids, 0, RO, 0, 0, 12, "SELECT '' FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3)"));
    assertEquals(2, empty.rows().size(), "[\"\"], costs 5 bytes");
    assertEquals(Truncation.BYTES, empty.end().truncation());
    Answer escaped = run(new Request.Query(++ids, 0, RO, 0, 0, 10, "SELECT '\"\"\"'"));
    assertEquals(Truncation.BYTES, escaped.end().truncation(), "3 quotes escape to 6 bytes");
    assertEquals(0, escaped.rows().size());
    ownerStillWorks();
  }

  // ------------------------------------------------------------------ rules, allowed and refused

  @Test
  void functions() throws IOException {
    assertEquals(
        List.of(List.of("3", "ANN", "2", "{\"a\":1}", "2000-01-01")),
        ok(
                RO,
                "SELECT length(name) + 0, upper(name), round(1.6 + 0.2), json_object('a', 1),"
                    + " date('2000-01-01') FROM t")
            .rows());
    refused(RO, "SELECT load_extension('x')", "function load_extension() is not allowed");
    refused(RW, "SELECT sqlite_log(1, 'x')", "function sqlite_log() is not allowed");
    refused(RW, "SELECT rtreenode(2, x'00')", "function rtreenode() is not allowed");
    ownerStillWorks();
  }

  @Test
  void pragmasForReadWriteCallers() throws IOException {
    ok(RW, "PRAGMA foreign_keys = OFF");
    ok(RW, "PRAGMA user_version = 7");
    assertEquals(List.of(List.of("7")), ok(RO, "PRAGMA user_version").rows());
    ok(RW, "PRAGMA optimize");
    assertEquals(List.of("0", "id"), ok(RW, "PRAGMA table_info(t)").rows().get(0).subList(0, 2));
    refused(RW, "PRAGMA journal_mode = DELETE", "PRAGMA journal_mode may be read but not set");
    refused(RW, "PRAGMA synchronous = OFF", "PRAGMA synchronous may be read but not set");
    refused(RW, "PRAGMA trusted_schema = ON", "PRAGMA trusted_schema may be read but not set");
    refused(RW, "PRAGMA cache_size = -1000000", "PRAGMA cache_size may be read but not set");
    refused(RW, "PRAGMA locking_mode = EXCLUSIVE", "PRAGMA locking_mode may be read but not set");
    refused(RW, "PRAGMA no_such_pragma = 1", "PRAGMA no_such_pragma is not allowed");
    assertEquals(List.of(List.of("wal")), ok(RW, "PRAGMA journal_mode").rows());
    ownerStillWorks();
  }

  @Test
  void pragmasForReadOnlyCallers() throws IOException {
    assertEquals(List.of(List.of("ok")), ok(RO, "PRAGMA integrity_check").rows());
    assertEquals(List.of(List.of("0")), ok(RO, "PRAGMA query_only").rows());
    ok(RO, "PRAGMA case_sensitive_like = ON");
    assertEquals(
        List.of("t"), ok(RO, "SELECT name FROM pragma_table_list WHERE name = 't'").rows().get(0));
    refused(
        RO,
        "PRAGMA foreign_keys = OFF",
        "PRAGMA foreign_keys may only be read with read-only access");
    refused(
        RO,
        "PRAGMA user_version = 3",
        "PRAGMA user_version may only be read with read-only access");
    refused(RO, "PRAGMA optimize", "PRAGMA optimize needs read-write access");
    refused(RO, "PRAGMA wal_checkpoint", "PRAGMA wal_checkpoint needs read-write access");
    ownerStillWorks();
  }

  @Test
  void attachAndDetach() throws IOException {
    for (QueryMode mode : List.of(RO, RW)) {
      fails(mode, "ATTACH '" + dir.resolve("other.db") + "' AS o", ErrorKind.NOT_AUTHORIZED);
      fails(mode, "ATTACH ':memory:' AS m", ErrorKind.NOT_AUTHORIZED);
      fails(mode, "DETACH main", ErrorKind.NOT_AUTHORIZED);
    }
    fails(RW, "VACUUM", ErrorKind.NOT_AUTHORIZED);
    fails(RW, "VACUUM INTO '" + dir.resolve("copy.db") + "'", ErrorKind.NOT_AUTHORIZED);
    // Allowed: the database's own schema names.
    assertEquals(List.of(List.of("1")), ok(RO, "SELECT count(*) FROM main.t").rows());
    ownerStillWorks();
  }

  @Test
  void virtualTableModules() throws IOException {
    ok(
        RW,
        "CREATE VIRTUAL TABLE f5 USING fts5(body); CREATE VIRTUAL TABLE r USING rtree(id, a, b);"
            + " INSERT INTO f5 VALUES ('x y'); INSERT INTO r VALUES (1, 0, 1)");
    assertEquals(
        List.of(List.of("1")), ok(RO, "SELECT count(*) FROM f5 WHERE f5 MATCH 'y'").rows());
    assertEquals(
        List.of(List.of("a"), List.of("b")),
        ok(RO, "SELECT value FROM json_each('[\"a\",\"b\"]')").rows());
    refused(
        RW, "CREATE VIRTUAL TABLE s USING dbstat", "virtual table module dbstat is not allowed");
    refused(
        RW,
        "CREATE VIRTUAL TABLE c USING csv(filename='/etc/passwd')",
        "virtual table module csv is not allowed");
    refused(
        RO,
        "CREATE VIRTUAL TABLE temp.s USING sqlite_stmt",
        "virtual table module sqlite_stmt is not allowed");
    ownerStillWorks();
  }

  @Test
  void alterTableStillWorksUnderThePolicy() throws IOException {
    ok(RW, "ALTER TABLE t ADD COLUMN extra TEXT; ALTER TABLE t RENAME COLUMN extra TO more");
    ok(
        RW,
        "ALTER TABLE t DROP COLUMN more; ALTER TABLE t RENAME TO t2; ALTER TABLE t2 RENAME TO t");
    ok(
        RW,
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT upper(new.name); END; DROP TRIGGER tr");
    ownerStillWorks();
  }

  // ------------------------------------------------------------------ no state outlives a request

  @Test
  void pragmaSettingsDoNotReachTheNextCaller() throws IOException {
    ok(RW, "PRAGMA foreign_keys = OFF; PRAGMA defer_foreign_keys = ON");
    assertEquals(List.of(List.of("1")), ok(RW, "PRAGMA foreign_keys").rows());
    assertEquals(List.of(List.of("0")), ok(RW, "PRAGMA defer_foreign_keys").rows());
    ok(RO, "PRAGMA case_sensitive_like = ON");
    assertEquals(List.of(List.of("1")), ok(RO, "SELECT 'A' LIKE 'a'").rows());
    ok(RO, "PRAGMA reverse_unordered_selects = ON");
    assertEquals(List.of(List.of("0")), ok(RO, "PRAGMA reverse_unordered_selects").rows());
    ownerStillWorks();
  }

  @Test
  void tempObjectsDoNotReachTheNextCaller() throws IOException {
    ok(RO, "CREATE TEMP TABLE t(id, name); INSERT INTO temp.t VALUES (9, 'fake')");
    ownerStillWorks();
    ok(RO, "CREATE TEMP TRIGGER x AFTER INSERT ON main.t BEGIN SELECT 1; END");
    ok(RW, "CREATE TEMP VIEW t AS SELECT 9 AS id, 'fake' AS name");
    assertEquals(List.of(), ok(RW, "SELECT name FROM temp.sqlite_schema").rows());
    assertEquals(List.of(), ok(RO, "SELECT name FROM temp.sqlite_schema").rows());
    ownerStillWorks();
  }

  @Test
  void anotherWritersRowidsAndChangesAreNotShown() throws IOException {
    ok(RW, "INSERT INTO t(name) VALUES ('secret'); DELETE FROM t WHERE name = 'secret'");
    assertEquals(
        List.of(List.of("0", "0")), ok(RW, "SELECT last_insert_rowid(), total_changes()").rows());
    ownerStillWorks();
  }

  @Test
  void transactionsAndSavepointsDoNotReachTheNextCaller() throws IOException {
    fails(RW, "SAVEPOINT s; INSERT INTO t(name) VALUES ('x')", ErrorKind.TRANSACTION_LEFT_OPEN);
    fails(RO, "BEGIN; SELECT 1", ErrorKind.TRANSACTION_LEFT_OPEN);
    assertEquals(List.of(List.of("1")), ok(RW, "SELECT count(*) FROM t").rows());
    ownerStillWorks();
  }

  @Test
  void refusedRequestsLeaveNothingBehind() throws IOException {
    fails(RW, "PRAGMA foreign_keys = OFF; PRAGMA hard_heap_limit = 1", ErrorKind.NOT_AUTHORIZED);
    assertEquals(List.of(List.of("1")), ok(RW, "PRAGMA foreign_keys").rows());
    assertEquals(List.of(List.of("1000000")), ok(RW, "SELECT length(zeroblob(1000000))").rows());
    ownerStillWorks();
  }

  @Test
  void readOnlyTempDataStaysInMemory() throws IOException {
    // A read-only caller's temp tables and sorts live in the daemon's memory (bounded by its
    // RLIMIT_DATA), not in files in the database's folder; nobody can switch that back.
    Answer temp =
        ok(
            RO,
            "CREATE TEMP TABLE scratch AS SELECT zeroblob(1000) AS b FROM t;"
                + " PRAGMA temp_store");
    assertEquals(List.of(List.of("2")), temp.rows(), "2 = MEMORY");
    refused(RO, "PRAGMA temp_store = FILE", "PRAGMA temp_store may be read but not set");
    refused(RW, "PRAGMA temp_store = FILE", "PRAGMA temp_store may be read but not set");
    assertEquals(List.of(List.of("2")), ok(RO, "PRAGMA temp_store").rows());
    // Read-write connections (the owner's big sorts) keep SQLite's default, spilling to disk.
    assertEquals(List.of(List.of("0")), ok(RW, "PRAGMA temp_store").rows());
    ownerStillWorks();
  }
}
