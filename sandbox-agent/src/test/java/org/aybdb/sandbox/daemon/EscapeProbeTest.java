package org.aybdb.sandbox.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.aybdb.sandbox.protocol.ErrorKind;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.junit.jupiter.api.Test;

/**
 * Probes an attacker would try against the access policy — an anonymous reader (read-only), a
 * read-only grantee and a read-write grantee of someone else's database — beyond the attacks of
 * {@link ContainmentTest}. Each ends with the owner's query working on the same executor.
 */
class EscapeProbeTest extends OwnersTableTestBase {

  private String refused(QueryMode mode, String sql) throws IOException {
    return fails(mode, sql, ErrorKind.NOT_AUTHORIZED).message();
  }

  /** Runs {@code sql} on a thread with the daemon's request stack, as the real daemon does. */
  private Answer onDaemonStack(QueryMode mode, String sql) throws Exception {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.set(run(new Request.Query(++ids, 0, mode, 0, 0, 0, sql)));
              } catch (Throwable e) {
                result.set(e);
              }
            },
            "probe",
            DaemonOptions.DEFAULT_REQUEST_STACK_BYTES);
    thread.start();
    thread.join();
    if (result.get() instanceof Throwable e) {
      throw new AssertionError(e);
    }
    return (Answer) result.get();
  }

  // ------------------------------------------------------------------ pragma spellings

  @Test
  void processWidePragmasInEverySpellingAreRefused() throws IOException {
    for (String sql :
        List.of(
            "PRAGMA \"HARD_HEAP_LIMIT\" = 20000",
            "PRAGMA main.hard_heap_limit = 20000",
            "PRAGMA temp.soft_heap_limit = 20000",
            "PRAGMA Hard_Heap_Limit(20000)",
            "PRAGMA [mmap_size] = 1000000",
            "PRAGMA `threads` = 4",
            "pragma\tTEMP_STORE_DIRECTORY\n=\n'/tmp'",
            "SELECT * FROM pragma_soft_heap_limit",
            "SELECT * FROM main.pragma_hard_heap_limit",
            "SELECT * FROM pragma_database_list")) {
      for (QueryMode mode : List.of(RO, RW)) {
        assertTrue(refused(mode, sql).contains("is not allowed"), sql);
      }
    }
    // Pragmas without a table-valued form stay unreachable from SELECT.
    fails(RO, "SELECT * FROM pragma_temp_store_directory", ErrorKind.SQL);
    fails(RO, "SELECT * FROM pragma_mmap_size", ErrorKind.SQL);
    assertEquals(List.of(List.of("1000000")), ok(RO, "SELECT length(zeroblob(1000000))").rows());
    ownerStillWorks();
  }

  @Test
  void cachesAndTempStorageCannotBeSetInAnySchema() throws IOException {
    for (String sql :
        List.of(
            "PRAGMA cache_size = -1000000",
            "PRAGMA temp.cache_size = -1000000",
            "PRAGMA main.cache_spill = 0",
            "PRAGMA temp_store = MEMORY",
            "PRAGMA busy_timeout = 100000000",
            "PRAGMA journal_size_limit = 0")) {
      for (QueryMode mode : List.of(RO, RW)) {
        assertTrue(refused(mode, sql).contains("PRAGMA"), sql);
      }
    }
    assertEquals(List.of(List.of("-2000")), ok(RO, "PRAGMA cache_size").rows());
    ownerStillWorks();
  }

  @Test
  void maxPageCountIsTheDaemonsBudgetNotTheCallers() throws IOException {
    // Found by this probe: a read-write caller could set it and so lift a per-request page budget.
    assertEquals(
        "not authorized: PRAGMA max_page_count may be read but not set",
        fails(RW, "PRAGMA max_page_count = 4294967294", ErrorKind.NOT_AUTHORIZED).message());
    fails(RW, "PRAGMA main.max_page_count = 1", ErrorKind.NOT_AUTHORIZED);
    fails(RO, "PRAGMA max_page_count = 1", ErrorKind.NOT_AUTHORIZED);
    assertEquals(1, ok(RW, "PRAGMA max_page_count").rows().size());
    ownerStillWorks();
  }

  // ------------------------------------------------------------------ functions

  @Test
  void alterTablesInternalFunctionsAreNotReachable() throws IOException {
    String nine = String.join(", ", Collections.nCopies(9, "'x'"));
    for (String sql :
        List.of(
            "SELECT sqlite_rename_column(" + nine + ")",
            "SELECT sqlite_rename_table('main', 'table', 't', 'create table t(a)', 't', 'u', 0)",
            "SELECT sqlite_drop_column(0, 'create table t(a, b)', 1)")) {
      assertTrue(fails(RW, sql, ErrorKind.SQL).message().startsWith("no such function"), sql);
    }
    assertTrue(fails(RO, "SELECT 'a' REGEXP 'a'", ErrorKind.SQL).message().contains("REGEXP"));
    // The authorizer is told the function's registered name, whatever the spelling.
    for (String sql :
        List.of(
            "SELECT FTS3_TOKENIZER('simple')",
            "SELECT \"fts3_tokenizer\"('simple')",
            "SELECT [Load_Extension]('x')",
            "SELECT `fts5`(NULL)")) {
      assertTrue(refused(RO, sql).contains("is not allowed"), sql);
    }
    ownerStillWorks();
  }

  @Test
  void schemaObjectsOfAWriterCannotSmuggleRefusedFunctionsToTheOwner() throws IOException {
    // Views: the authorizer and the untrusted-schema rule both run when anyone reads the view.
    ok(RW, "CREATE VIEW ext AS SELECT load_extension('/tmp/x.so') AS p");
    assertTrue(run(RO, "SELECT * FROM ext").error().message().contains("load_extension"));
    assertTrue(run(RW, "SELECT * FROM ext").error().message().contains("load_extension"));
    // Triggers: compiled (and checked) when the owner's INSERT is prepared.
    Answer trigger =
        run(
            RW,
            "CREATE TRIGGER tok AFTER INSERT ON t BEGIN"
                + " SELECT fts3_tokenizer('simple', x'0010000000000000'); END");
    if (trigger.error() == null) {
      Answer insert = run(RW, "INSERT INTO t(name) VALUES ('bob')");
      assertNotNull(insert.error(), "the trigger's body must not run");
      assertTrue(insert.error().message().contains("fts3_tokenizer"), insert.error().message());
      ok(RW, "DROP TRIGGER tok");
    }
    // CHECK constraints and generated columns are schema too.
    Answer check = run(RW, "CREATE TABLE c(a CHECK (sqlite_log(1, a) IS NULL))");
    if (check.error() == null) {
      Answer insert = run(RW, "INSERT INTO c VALUES ('x')");
      assertNotNull(insert.error());
      assertTrue(insert.error().message().contains("sqlite_log"), insert.error().message());
    }
    Answer generated = run(RW, "CREATE TABLE g(a, b AS (fts3_tokenizer('simple')))");
    if (generated.error() == null) {
      assertNotNull(run(RO, "SELECT b FROM g").error());
    }
    ownerStillWorks();
  }

  // ------------------------------------------------------------------ virtual tables

  @Test
  void virtualTablesBeyondTheAllowedModules() throws IOException {
    for (String module : List.of("json_each", "pragma_table_info", "dbstat", "sqlite_dbpage")) {
      for (String schema : List.of("", "temp.")) {
        fails(RW, "CREATE VIRTUAL TABLE " + schema + "v USING " + module, ErrorKind.NOT_AUTHORIZED);
      }
    }
    // Eponymous ones that only show this database or the caller's own statements stay readable.
    assertEquals(List.of(List.of("1")), ok(RO, "SELECT count(*) FROM sqlite_stmt").rows());
    assertEquals(
        List.of(List.of("1")), ok(RO, "SELECT count(*) > 0 FROM dbstat WHERE name = 't'").rows());
    fails(RO, "SELECT * FROM sqlite_dbpage", ErrorKind.SQL);
    // FTS5 takes only the compiled-in tokenizers: no pointer, no code.
    ok(RW, "CREATE VIRTUAL TABLE p USING fts5(body, tokenize = 'porter ascii')");
    fails(RW, "CREATE VIRTUAL TABLE q USING fts5(body, tokenize = 'nosuch')", ErrorKind.SQL);
    ok(RW, "CREATE VIRTUAL TABLE temp.tk USING fts3tokenize(simple)");
    assertEquals(
        List.of(List.of("2")), ok(RO, "SELECT count(*) FROM pragma_table_info('t')").rows());
    ownerStillWorks();
  }

  // ------------------------------------------------------------------ memory and time

  @Test
  void memoryBombsStopAtTheValueLimit() throws IOException {
    for (String sql :
        List.of(
            "SELECT randomblob(1000000000)",
            "SELECT zeroblob(1000000000)",
            "SELECT length(group_concat(randomblob(1000000))) FROM"
                + " (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20)"
                + " SELECT x FROM c)",
            "WITH RECURSIVE c(s) AS (SELECT 'x' UNION ALL SELECT s || s FROM c)"
                + " SELECT length(s) FROM c")) {
      assertTrue(
          fails(RO, sql, ErrorKind.SQL).message().contains("too big"),
          () -> "expected too big: " + sql);
    }
    // printf() past the limit answers NULL rather than an error.
    assertEquals(
        Collections.singletonList(null),
        ok(RO, "SELECT printf('%.*c', 100000000, 'x')").rows().get(0));
    String columns = String.join(", ", Collections.nCopies(2001, "1"));
    assertTrue(
        fails(RO, "SELECT " + columns, ErrorKind.SQL).message().contains("too many columns"));
    ownerStillWorks();
  }

  @Test
  void endlessRecursionStopsAtTheTimeLimit() throws IOException {
    Answer a =
        run(
            new Request.Query(
                ++ids,
                0,
                RO,
                300,
                0,
                0,
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                    + " SELECT count(*) FROM c"));
    assertEquals(ErrorKind.TIMEOUT, a.error().kind());
    Answer temp =
        run(
            new Request.Query(
                ++ids,
                0,
                RO,
                300,
                0,
                0,
                "CREATE TEMP TABLE big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL"
                    + " SELECT x + 1 FROM c) SELECT x, randomblob(100) FROM c"));
    assertNotNull(temp.error());
    assertEquals(List.of(), ok(RO, "SELECT name FROM temp.sqlite_schema").rows());
    ownerStillWorks();
  }

  // ------------------------------------------------------------------ the native stack

  @Test
  void deepExpressionsRunOnTheDaemonsStack() throws Exception {
    // A left-deep sum: SQLite's own limit is a depth of 1000; at -Xss256k this crashed the JVM.
    String sum = String.join(" + ", Collections.nCopies(999, "1"));
    assertEquals(List.of(List.of("999")), onDaemonStack(RO, "SELECT " + sum).rows());
    String tooDeep = String.join(" + ", Collections.nCopies(1001, "1"));
    assertTrue(onDaemonStack(RO, "SELECT " + tooDeep).error().message().contains("too large"));
    String json = "[".repeat(1990) + "]".repeat(1990);
    assertEquals(
        List.of(List.of("1")), onDaemonStack(RO, "SELECT json_valid('" + json + "')").rows());
    String deeper = "[".repeat(2100) + "]".repeat(2100);
    assertNotNull(onDaemonStack(RO, "SELECT json('" + deeper + "')").error());
    ownerStillWorks();
  }

  @Test
  void longChainsOfCtesViewsAndTriggersAreRefusedBeforeSqliteRecurses() throws Exception {
    // 3,000 chained CTEs need over 1 MiB of native stack to prepare: a crash of the daemon.
    Answer ctes = onDaemonStack(RO, cteChain(3000));
    assertEquals(ErrorKind.BAD_REQUEST, ctes.error().kind());
    assertTrue(ctes.error().message().contains("at most 500"), ctes.error().message());
    // Temp views and temp triggers: any reader may create them within its request.
    assertEquals(ErrorKind.BAD_REQUEST, onDaemonStack(RO, viewChain(600)).error().kind());
    assertEquals(ErrorKind.BAD_REQUEST, onDaemonStack(RO, triggerChain(600)).error().kind());
    // Below the cap they run on the daemon's stack.
    assertEquals(List.of(List.of("1")), onDaemonStack(RO, cteChain(490)).rows());
    assertEquals(List.of(List.of("1")), onDaemonStack(RO, viewChain(200)).rows());
    assertEquals(List.of(List.of("1")), onDaemonStack(RO, triggerChain(240)).rows());
    // Keywords in strings, quoted names and comments do not count.
    String quoted = "SELECT '" + "select ".repeat(600) + "' AS \"trigger\" -- select select";
    assertEquals(1, onDaemonStack(RO, quoted).rows().size());
    ownerStillWorks();
  }

  @Test
  void aWritersChainOfViewsStopsAtTheCapOnViewsAndTriggers() throws Exception {
    // Views and triggers persist, so a read-write grantee could build a chain over many requests
    // and crash the daemon for whoever reads its top: their number is capped instead.
    StringBuilder sql = new StringBuilder("BEGIN; CREATE VIEW w0 AS SELECT id, name FROM t;");
    for (int i = 1; i < 500; i++) {
      sql.append("CREATE VIEW w").append(i).append(" AS SELECT * FROM w").append(i - 1);
      sql.append(';');
    }
    assertEquals(null, onDaemonStack(RW, sql.append("COMMIT").toString()).error());
    assertEquals(List.of(List.of("1", "ann")), onDaemonStack(RO, "SELECT * FROM w499").rows());
    Answer view = onDaemonStack(RW, "CREATE VIEW w500 AS SELECT * FROM w499");
    assertEquals(ErrorKind.SQL, view.error().kind());
    assertEquals(
        "The database already holds 500 views and triggers; at most 500 are allowed (SQLite"
            + " nests them on the daemon's stack)",
        view.error().message());
    Answer trigger = onDaemonStack(RW, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END");
    assertEquals(ErrorKind.SQL, trigger.error().kind());
    assertEquals(
        List.of(List.of("500")),
        ok(RO, "SELECT count(*) FROM sqlite_schema WHERE type IN ('view', 'trigger')").rows());
    ok(RW, "DROP VIEW w499");
    ok(RW, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END");
    ownerStillWorks();
  }

  private static String cteChain(int n) {
    List<String> ctes = new ArrayList<>();
    ctes.add("a0(x) AS (SELECT 1)");
    for (int i = 1; i < n; i++) {
      ctes.add("a" + i + "(x) AS (SELECT x FROM a" + (i - 1) + ")");
    }
    return "WITH " + String.join(", ", ctes) + " SELECT x FROM a" + (n - 1);
  }

  private static String viewChain(int n) {
    StringBuilder sql = new StringBuilder("CREATE TEMP VIEW v0 AS SELECT 1 AS x;");
    for (int i = 1; i < n; i++) {
      sql.append("CREATE TEMP VIEW v").append(i).append(" AS SELECT x FROM v").append(i - 1);
      sql.append(';');
    }
    return sql.append("SELECT x FROM v").append(n - 1).toString();
  }

  private static String triggerChain(int n) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i <= n; i++) {
      sql.append("CREATE TEMP TABLE c").append(i).append("(x);");
    }
    for (int i = 0; i < n; i++) {
      sql.append("CREATE TEMP TRIGGER g").append(i).append(" AFTER INSERT ON c").append(i);
      sql.append(" BEGIN INSERT INTO c").append(i + 1).append(" VALUES (new.x); END;");
    }
    return sql.append("INSERT INTO c0 VALUES (1); SELECT count(*) FROM c").append(n).toString();
  }

  // ------------------------------------------------------------------ state across requests

  @Test
  void aWritersSequencesAndChangeCountsAreNotShown() throws IOException {
    ok(RW, "CREATE TABLE s(id INTEGER PRIMARY KEY AUTOINCREMENT, v)");
    ok(RW, "INSERT INTO s(v) VALUES ('secret')");
    assertEquals(
        List.of(List.of("0", "0", "0")),
        ok(RW, "SELECT changes(), last_insert_rowid(), total_changes()").rows());
    assertEquals(
        List.of(List.of("0", "0", "0")),
        ok(RO, "SELECT changes(), last_insert_rowid(), total_changes()").rows());
    ownerStillWorks();
  }
}
