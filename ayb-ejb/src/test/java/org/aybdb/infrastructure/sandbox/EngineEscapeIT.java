package org.aybdb.infrastructure.sandbox;

import static org.aybdb.infrastructure.sandbox.Engines.create;
import static org.aybdb.infrastructure.sandbox.Engines.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.config.AybConfiguration;
import org.aybdb.infrastructure.storage.DatabaseDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Escape attempts through the engine, as a tenant's SQL would make them: each is contained with a
 * clear error, and a normal query on the same database still works afterwards.
 */
class EngineEscapeIT {

  private static final AybConfiguration.Sandbox SMALL =
      small(
          AybConfiguration.Sandbox.DEFAULT_MAX_NESTING_KEYWORDS,
          AybConfiguration.Sandbox.DEFAULT_MAX_VIEWS_AND_TRIGGERS,
          AybConfiguration.Sandbox.DEFAULT_REQUEST_STACK);

  private static AybConfiguration.Sandbox small(
      int maxNestingKeywords, int maxViewsAndTriggers, long requestStack) {
    return new AybConfiguration.Sandbox(
        false,
        "auto",
        4,
        Duration.ofMinutes(10),
        Duration.ofSeconds(1), // query_timeout
        100, // max_result_rows
        10_000, // max_result_bytes
        1 << 20,
        1 << 20, // max_value_bytes
        64L << 20,
        2L << 20, // max_file_size
        32,
        AybConfiguration.Sandbox.DEFAULT_CRASH_BACKOFF_INITIAL,
        AybConfiguration.Sandbox.DEFAULT_CRASH_BACKOFF_MAX,
        maxNestingKeywords,
        maxViewsAndTriggers,
        requestStack,
        AybConfiguration.Sandbox.DEFAULT_PRESTARTED_LAUNCHERS,
        AybConfiguration.Sandbox.DEFAULT_READERS_PER_DATABASE);
  }

  private static final String THOUSAND =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000) ";

  private Path data;
  private PooledQueryEngine engine;
  private DatabaseRef mine;
  private DatabaseRef theirs;
  private long pid;

  @BeforeEach
  void start() throws Exception {
    data = Engines.newDataPath();
    engine = Engines.engine(data, SandboxSettings.from(SMALL), new RecordingListener());
    assertEquals(SandboxEnvironment.Mode.SANDBOXED, engine.environment().mode());
    mine = create(data, "mallory", "mine.sqlite");
    theirs = create(data, "alice", "secret.sqlite");
    engine.execute(
        theirs, AccessMode.READ_WRITE, "CREATE TABLE s(x); INSERT INTO s VALUES ('s3cr3t')");
    engine.execute(
        mine,
        AccessMode.READ_WRITE,
        "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t(name) VALUES ('ann'), ('bob')");
    pid = engine.pool().daemonPid(mine.path()).orElseThrow();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private AybException refused(String sql) {
    return fails(
        ErrorType.QueryError,
        AybException.Kind.INVALID_INPUT,
        () -> engine.execute(mine, AccessMode.READ_WRITE, sql));
  }

  /** A read-only caller's SQL failed as the caller's mistake (400). */
  private AybException failsReadOnly(String sql) {
    return fails(
        ErrorType.QueryError,
        AybException.Kind.INVALID_INPUT,
        () -> engine.execute(mine, AccessMode.READ_ONLY, sql));
  }

  private static final String ATTACH_REFUSED =
      "not authorized: ATTACH and DETACH are not allowed: a query sees only its own database"
          + " (VACUUM, which attaches a copy, is refused too)";

  /** The access policy refused the SQL: 403 naming what. */
  private AybException denied(AccessMode mode, String sql) {
    return fails(
        ErrorType.QueryError, AybException.Kind.FORBIDDEN, () -> engine.execute(mine, mode, sql));
  }

  /** The normal query that must still work, on the same daemon (nothing crashed). */
  private void stillWorks() {
    QueryResult r = engine.execute(mine, AccessMode.READ_ONLY, "SELECT name FROM t ORDER BY id");
    assertEquals(List.of(List.of("ann"), List.of("bob")), r.rows());
    assertEquals(pid, engine.pool().daemonPid(mine.path()).orElseThrow(), "same daemon");
  }

  private Path fileOf(DatabaseRef db) {
    return new DatabaseDirectories(data).currentFile(db.entity(), db.database()).orElseThrow();
  }

  @Test
  void attachOfAnotherTenantsFile() {
    AybException e =
        denied(AccessMode.READ_WRITE, "ATTACH '" + fileOf(theirs) + "' AS o; SELECT * FROM o.s");
    assertEquals(ATTACH_REFUSED, e.getMessage());
    e = denied(AccessMode.READ_ONLY, "ATTACH 'file:" + fileOf(theirs) + "?mode=ro' AS o");
    assertEquals(ATTACH_REFUSED, e.getMessage());
    stillWorks();
  }

  @Test
  void vacuumIntoOutsideTheFolder() throws Exception {
    Path outside = data.resolve("stolen.sqlite");
    denied(AccessMode.READ_WRITE, "VACUUM INTO '" + outside + "'");
    denied(AccessMode.READ_WRITE, "VACUUM INTO '../escape.sqlite'");
    assertFalse(Files.exists(outside));
    assertFalse(Files.exists(fileOf(mine).getParent().getParent().resolve("escape.sqlite")));
    fails(
        ErrorType.Other,
        AybException.Kind.INTERNAL,
        () -> engine.copyInto(mine, outside.toString()));
    assertFalse(Files.exists(outside));
    stillWorks();
  }

  @Test
  void loadExtension() {
    AybException e =
        denied(
            AccessMode.READ_WRITE,
            "SELECT load_extension('/usr/lib/x86_64-linux-gnu/libsqlite3.so.0')");
    assertEquals("not authorized: function load_extension() is not allowed", e.getMessage());
    stillWorks();
  }

  @Test
  void writableSchemaTrick() {
    AybException e =
        denied(
            AccessMode.READ_WRITE,
            "PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql='CREATE TABLE t(id INTEGER"
                + " PRIMARY KEY, name TEXT, x)' WHERE name='t'");
    assertEquals("not authorized: PRAGMA writable_schema may be read but not set", e.getMessage());
    assertEquals(
        List.of(List.of("ok")),
        engine.execute(mine, AccessMode.READ_ONLY, "PRAGMA integrity_check").rows());
    stillWorks();
  }

  @Test
  void etcPasswdThroughEverySqlPath() {
    assertEquals(
        "no such function: readfile", refused("SELECT readfile('/etc/passwd')").getMessage());
    assertEquals("no such table: fsdir", refused("SELECT * FROM fsdir('/etc')").getMessage());
    assertEquals(
        ATTACH_REFUSED, denied(AccessMode.READ_WRITE, "ATTACH '/etc/passwd' AS p").getMessage());
    assertEquals(
        ATTACH_REFUSED,
        denied(AccessMode.READ_ONLY, "ATTACH 'file:/etc/passwd?mode=ro' AS p").getMessage());
    assertEquals(
        "not authorized: virtual table module csv is not allowed",
        denied(AccessMode.READ_WRITE, "CREATE VIRTUAL TABLE p USING csv(filename='/etc/passwd')")
            .getMessage());
    refused("SELECT edit('x', '/bin/sh')");
    stillWorks();
  }

  @Test
  void anInfiniteRecursiveCteHitsTheTimeLimit() {
    long start = System.nanoTime();
    AybException e =
        failsReadOnly(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                + " SELECT max(x) FROM c");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals("Query exceeded the time limit of 1000 ms and was interrupted", e.getMessage());
    assertTrue(millis < 4000, "took " + millis + " ms");
    stillWorks();
  }

  @Test
  void resultsOverTheRowAndByteCapsAreTruncatedAndSaySo() {
    QueryResult rows = engine.execute(mine, AccessMode.READ_ONLY, THOUSAND + "SELECT x FROM c");
    assertEquals(100, rows.rows().size());
    assertEquals(QueryResult.Truncation.ROWS, rows.truncation());
    QueryResult bytes =
        engine.execute(
            mine, AccessMode.READ_ONLY, THOUSAND + "SELECT printf('%.1000c', 'x') FROM c");
    // 1000 characters, 2 quotes, a comma and 2 brackets: 1005 bytes of JSON a row.
    assertEquals(9, bytes.rows().size());
    assertEquals(QueryResult.Truncation.BYTES, bytes.truncation());
    stillWorks();
  }

  @Test
  void aHugeRandomblob() {
    assertEquals(
        "string or blob too big", refused("SELECT length(randomblob(1000000000))").getMessage());
    assertEquals("string or blob too big", refused("SELECT zeroblob(2000000)").getMessage());
    stillWorks();
  }

  @Test
  void fillingPastTheFileSizeLimit() {
    AybException e =
        refused(
            "CREATE TABLE big(b);" + THOUSAND + " INSERT INTO big SELECT randomblob(10000) FROM c");
    assertTrue(
        e.getMessage().startsWith("File size limit reached (2097152 bytes per file)")
            || e.getMessage().equals("database or disk is full"),
        e.getMessage());
    assertEquals(
        List.of(List.of("0")),
        engine.execute(mine, AccessMode.READ_WRITE, "SELECT count(*) FROM big").rows());
    assertEquals(
        List.of(List.of("ok")),
        engine.execute(mine, AccessMode.READ_ONLY, "PRAGMA integrity_check").rows());
    stillWorks();
  }

  @Test
  void theOtherTenantsDataIsIntact() {
    attachOfAnotherTenantsFile();
    assertEquals(
        List.of(List.of("s3cr3t")),
        engine.execute(theirs, AccessMode.READ_ONLY, "SELECT x FROM s").rows());
  }

  // ----------------------------------------------------------------- containment of untrusted SQL

  @Test
  void fts3TokenizerInBothFormsFromAReadOnlyCaller() {
    assertEquals(
        "not authorized: function fts3_tokenizer() is not allowed",
        denied(AccessMode.READ_ONLY, "SELECT fts3_tokenizer('simple', X'0010000000000000')")
            .getMessage());
    assertEquals(
        "not authorized: function fts3_tokenizer() is not allowed",
        denied(AccessMode.READ_ONLY, "SELECT hex(fts3_tokenizer('simple'))").getMessage());
    // The full-text search that would have called the planted pointer runs normally.
    engine.execute(
        mine,
        AccessMode.READ_WRITE,
        "CREATE VIRTUAL TABLE docs USING fts3(body); INSERT INTO docs VALUES ('hello there')");
    assertEquals(
        List.of(List.of("hello there")),
        engine
            .execute(mine, AccessMode.READ_ONLY, "SELECT body FROM docs WHERE body MATCH 'hello'")
            .rows());
    stillWorks();
  }

  @Test
  void processWidePragmasFromAReadOnlyCaller() {
    for (String pragma :
        List.of(
            "hard_heap_limit=20000",
            "soft_heap_limit=20000",
            "temp_store_directory='/tmp'",
            "mmap_size=268435456",
            "threads=8")) {
      AybException e = denied(AccessMode.READ_ONLY, "PRAGMA " + pragma);
      assertTrue(
          e.getMessage()
              .endsWith("is not allowed: it acts on the whole daemon process or on files"),
          e.getMessage());
      denied(AccessMode.READ_WRITE, "PRAGMA " + pragma);
    }
    // No heap limit was set: a query needing a few MB still runs for the owner.
    assertEquals(
        List.of(List.of("800000")),
        engine
            .execute(
                mine,
                AccessMode.READ_WRITE,
                "SELECT length(group_concat(hex(zeroblob(1000)), '')) FROM"
                    + " (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x <"
                    + " 400) SELECT x FROM c)")
            .rows());
    stillWorks();
  }

  @Test
  void aNulByteStopsTheWholeRequest() {
    AybException e =
        fails(
            ErrorType.QueryError,
            AybException.Kind.INVALID_INPUT,
            () -> engine.execute(mine, AccessMode.READ_WRITE, "SELECT 1\0; DROP TABLE t"));
    assertTrue(e.getMessage().contains("NUL byte"), e.getMessage());
    stillWorks();
  }

  @Test
  void aWideNullResultIsCutAtTheByteCap() {
    String nulls = String.join(", ", java.util.Collections.nCopies(300, "NULL"));
    QueryResult r =
        engine.execute(
            mine,
            AccessMode.READ_ONLY,
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000)"
                + " SELECT "
                + nulls
                + " FROM c");
    // [null,...,null] with its comma is 1502 bytes; the cap is 10,000.
    assertEquals(6, r.rows().size());
    assertEquals(QueryResult.Truncation.BYTES, r.truncation());
    stillWorks();
  }

  @Test
  void aNeverWrittenDatabaseReadsAsEmpty() {
    DatabaseRef fresh = create(data, "alice", "fresh.sqlite");
    assertEquals(
        List.of(List.of("0")),
        engine.execute(fresh, AccessMode.READ_ONLY, "SELECT count(*) FROM sqlite_schema").rows());
    engine.execute(fresh, AccessMode.READ_WRITE, "CREATE TABLE f(x); INSERT INTO f VALUES (1)");
    assertEquals(
        List.of(List.of("1")),
        engine.execute(fresh, AccessMode.READ_ONLY, "SELECT x FROM f").rows());
    stillWorks();
  }

  @Test
  void readOnlyTempDataStaysInTheDaemonsMemory() {
    // 5 MB of temp table and sort: past max_file_size (2 MiB) had it gone to a temp file in the
    // database's folder; in memory it fits.
    QueryResult r =
        engine.execute(
            mine,
            AccessMode.READ_ONLY,
            "CREATE TEMP TABLE big AS "
                + THOUSAND
                + "SELECT zeroblob(5000) AS b, random() AS k FROM c;"
                + " SELECT count(*), sum(length(b)) FROM (SELECT b FROM big ORDER BY k)");
    assertEquals(List.of(List.of("1000", "5000000")), r.rows());
    // Bounded by the daemon's memory (daemon_memory, 64 MiB): 200 MB ends in "out of memory", and
    // the daemon lives on.
    AybException e =
        failsReadOnly("CREATE TEMP TABLE huge AS " + THOUSAND + "SELECT zeroblob(200000) FROM c");
    assertEquals("out of memory", e.getMessage());
    stillWorks();
  }

  @Test
  void nestingCapsComeFromTheConfiguration() throws Exception {
    // max_nesting_keywords 3, max_views_and_triggers 1, request_stack 1 MiB
    try (PooledQueryEngine configured =
        Engines.engine(
            data, SandboxSettings.from(small(3, 1, 1L << 20)), new RecordingListener())) {
      java.util.function.BiFunction<AccessMode, String, String> refusal =
          (mode, sql) ->
              fails(
                      ErrorType.QueryError,
                      AybException.Kind.INVALID_INPUT,
                      () -> configured.execute(mine, mode, sql))
                  .getMessage();
      String nesting = refusal.apply(AccessMode.READ_ONLY, "SELECT (SELECT (SELECT (SELECT 1)))");
      assertTrue(nesting.contains("holds 4 SELECT and TRIGGER keywords; at most 3"), nesting);
      configured.execute(mine, AccessMode.READ_WRITE, "CREATE VIEW v AS SELECT name FROM t");
      String views = refusal.apply(AccessMode.READ_WRITE, "CREATE VIEW w AS SELECT name FROM t");
      assertTrue(
          views.startsWith("The database already holds 1 views and triggers; at most 1"), views);
      assertEquals(
          List.of(List.of("ann"), List.of("bob")),
          configured.execute(mine, AccessMode.READ_ONLY, "SELECT name FROM v ORDER BY 1").rows());
    }
  }
}
