package org.aybdb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.aybdb.sandbox.client.DaemonFailureException;
import org.aybdb.sandbox.client.DaemonProcess;
import org.aybdb.sandbox.client.DaemonQueryException;
import org.aybdb.sandbox.client.QueryResult;
import org.aybdb.sandbox.launcher.SandboxConfig;
import org.aybdb.sandbox.launcher.SandboxSupport;
import org.aybdb.sandbox.protocol.ErrorKind;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.protocol.Truncation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real daemons behind the real first stage. Every escape attempt is followed by a normal query on
 * the same daemon, which must still work. Nothing here is skipped: without Landlock these fail.
 */
class SandboxDaemonIT {

  private static final Duration T = Duration.ofSeconds(20);
  private static final SandboxConfig CONFIG = SandboxConfig.defaults();

  private static final String ATTACH_REFUSED =
      "not authorized: ATTACH and DETACH are not allowed: a query sees only its own database"
          + " (VACUUM, which attaches a copy, is refused too)";

  private Path dir;
  private DaemonProcess daemon;

  @BeforeEach
  void start() throws Exception {
    dir = Sandboxes.newDir("daemon");
    daemon = Sandboxes.start(CONFIG, dir);
    ok(QueryMode.READ_WRITE, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");
    ok(QueryMode.READ_WRITE, "INSERT INTO t(name) VALUES ('ann'), ('bob')");
  }

  @AfterEach
  void stop() {
    daemon.close();
  }

  private QueryResult ok(QueryMode mode, String sql) throws Exception {
    return daemon.query(mode, sql, T);
  }

  private DaemonQueryException fails(QueryMode mode, String sql, ErrorKind kind) {
    DaemonQueryException e =
        assertThrows(DaemonQueryException.class, () -> daemon.query(mode, sql, T), sql);
    assertEquals(kind, e.kind(), e.errorMessage());
    return e;
  }

  /** The normal query that must still work after each attempt. */
  private void stillWorks() throws Exception {
    assertTrue(daemon.isAlive());
    QueryResult r = ok(QueryMode.READ_ONLY, "SELECT name FROM t ORDER BY id");
    assertEquals(List.of(List.of("ann"), List.of("bob")), r.rows());
  }

  @Test
  void theSandboxIsEnforcedHere() throws Exception {
    SandboxSupport.Status status = SandboxSupport.probe();
    assertTrue(status.enforceable(CONFIG), () -> status.problems(CONFIG).toString());
    assertTrue(status.landlockAbi() >= 4, "Landlock with TCP rules, got " + status.summary());
    String hello = daemon.hello().sandboxStatus();
    assertTrue(hello.startsWith("sandboxed,landlock="), hello);
    assertTrue(hello.contains(",seccomp=on,"), hello);
    assertTrue(hello.contains(",netns=on,"), hello);
    assertTrue(
        daemon.hello().engineVersion().startsWith("sqlite 3."), daemon.hello().engineVersion());
    String verified =
        SandboxSupport.verify(CONFIG, Sandboxes.runtime(), Sandboxes.newDir("verify"));
    assertTrue(verified.startsWith("sandboxed landlock="), verified);
  }

  @Test
  void bothJvmsMapTheirAppCdsArchivesInsideTheSandbox() throws Exception {
    var runtime = Sandboxes.runtime();
    assertTrue(runtime.launcherArchive() != null && runtime.daemonArchive() != null);
    // -Xshare:on instead of auto: a JVM that cannot map its archive (Landlock denying the read, a
    // stale archive) refuses to start instead of quietly starting slower.
    List<String> command =
        org.aybdb.sandbox.launcher.SandboxCommand.daemon(
                CONFIG, runtime, Sandboxes.newDir("cds").resolve("db.sqlite"))
            .stream()
            .map(arg -> arg.equals("-Xshare:auto") ? "-Xshare:on" : arg)
            .toList();
    assertEquals(2, command.stream().filter("-Xshare:on"::equals).count(), command.toString());
    try (DaemonProcess d =
        DaemonProcess.start(
            command, dir, ProcessBuilder.Redirect.INHERIT, Duration.ofSeconds(30))) {
      assertTrue(d.hello().sandboxStatus().startsWith("sandboxed,landlock="));
      assertEquals(List.of(List.of("1")), d.query(QueryMode.READ_ONLY, "SELECT 1", T).rows());
      // The daemon's archive is a static one of what it loads, in place of the JDK's default
      // archive: the JVM relocates archives, which makes their pages private to each process, and
      // the default one holds some 1,300 classes the daemon mostly never loads.
      String maps = Files.readString(Path.of("/proc/" + d.pid() + "/maps"));
      assertTrue(maps.contains(runtime.daemonArchive().toString()), "maps its own archive");
      assertFalse(maps.contains("/classes.jsa"), "maps the JDK's default archive too");
    }
  }

  /**
   * Tens of thousands of point queries make the daemon's JIT compile its hot paths (the REAL
   * formatting among them). A compiler that needs more native memory than the daemon's RLIMIT_DATA
   * leaves aborts the whole daemon: C2 did, so the daemon runs C1 only.
   */
  @Test
  void aBusyDaemonCompilesItsHotPathsWithinItsMemoryLimit() throws Exception {
    ok(
        QueryMode.READ_WRITE,
        "CREATE TABLE m(id INTEGER PRIMARY KEY, name TEXT, score REAL, b BLOB);"
            + " WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000)"
            + " INSERT INTO m SELECT i, 'name-' || i, i / 7.0, CAST('b' || i AS BLOB) FROM c");
    long pid = daemon.pid();
    for (int i = 0; i < 40_000; i++) {
      QueryResult r = ok(QueryMode.READ_ONLY, "SELECT * FROM m WHERE id = " + (i % 1000 + 1));
      assertEquals(1, r.rows().size());
    }
    assertEquals(pid, daemon.pid());
    stillWorks();
  }

  @Test
  void readOnlyRequestsCannotWrite() throws Exception {
    DaemonQueryException e =
        fails(QueryMode.READ_ONLY, "INSERT INTO t(name) VALUES ('eve')", ErrorKind.READ_ONLY);
    assertEquals("attempt to write a readonly database", e.errorMessage());
    fails(QueryMode.READ_ONLY, "PRAGMA query_only=0; DELETE FROM t", ErrorKind.READ_ONLY);
    stillWorks();
  }

  @Test
  void attachOfAnotherFileIsRefused() throws Exception {
    Path other = Sandboxes.newDir("other");
    try (DaemonProcess o = Sandboxes.start(CONFIG, other)) {
      o.query(QueryMode.READ_WRITE, "CREATE TABLE secret(x); INSERT INTO secret VALUES ('s')", T);
    }
    DaemonQueryException e =
        fails(
            QueryMode.READ_WRITE,
            "ATTACH '" + other.resolve("db.sqlite") + "' AS o; SELECT * FROM o.secret",
            ErrorKind.NOT_AUTHORIZED);
    assertEquals(ATTACH_REFUSED, e.errorMessage());
    stillWorks();
  }

  @Test
  void vacuumIntoOutsideTheFolderIsRefused() throws Exception {
    Path outside = Sandboxes.newDir("outside").resolve("copy.sqlite");
    fails(QueryMode.READ_WRITE, "VACUUM INTO '" + outside + "'", ErrorKind.NOT_AUTHORIZED);
    assertFalse(Files.exists(outside));
    DaemonQueryException e =
        assertThrows(DaemonQueryException.class, () -> daemon.vacuumInto("../escape.sqlite", 0, T));
    assertEquals(ErrorKind.BAD_REQUEST, e.kind());
    assertThrows(DaemonQueryException.class, () -> daemon.vacuumInto(outside.toString(), 0, T));
    assertFalse(Files.exists(outside));
    stillWorks();
    // The snapshot path: VACUUM INTO inside the folder works.
    daemon.vacuumInto("snapshot.sqlite", 0, T);
    assertTrue(Files.size(dir.resolve("snapshot.sqlite")) > 0);
    stillWorks();
  }

  @Test
  void extensionsCannotBeLoaded() throws Exception {
    DaemonQueryException e =
        fails(
            QueryMode.READ_WRITE,
            "SELECT load_extension('/usr/lib/x86_64-linux-gnu/libsqlite3.so.0')",
            ErrorKind.NOT_AUTHORIZED);
    assertEquals("not authorized: function load_extension() is not allowed", e.errorMessage());
    stillWorks();
  }

  @Test
  void writableSchemaCannotCorruptTheFile() throws Exception {
    DaemonQueryException e =
        fails(
            QueryMode.READ_WRITE,
            "PRAGMA writable_schema=ON;"
                + " UPDATE sqlite_schema SET sql='CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT,"
                + " x)' WHERE name='t'",
            ErrorKind.NOT_AUTHORIZED);
    assertEquals(
        "not authorized: PRAGMA writable_schema may be read but not set", e.errorMessage());
    assertEquals(List.of(List.of("ok")), ok(QueryMode.READ_ONLY, "PRAGMA integrity_check").rows());
    stillWorks();
  }

  @Test
  void etcPasswdCannotBeReadThroughSql() throws Exception {
    assertEquals(
        "no such function: readfile",
        fails(QueryMode.READ_WRITE, "SELECT readfile('/etc/passwd')", ErrorKind.SQL)
            .errorMessage());
    assertEquals(
        "no such table: fsdir",
        fails(QueryMode.READ_WRITE, "SELECT * FROM fsdir('/etc')", ErrorKind.SQL).errorMessage());
    assertEquals(
        ATTACH_REFUSED,
        fails(QueryMode.READ_WRITE, "ATTACH '/etc/passwd' AS p", ErrorKind.NOT_AUTHORIZED)
            .errorMessage());
    assertEquals(
        ATTACH_REFUSED,
        fails(
                QueryMode.READ_ONLY,
                "ATTACH 'file:/etc/passwd?mode=ro' AS p",
                ErrorKind.NOT_AUTHORIZED)
            .errorMessage());
    stillWorks();
  }

  @Test
  void deepNestingDoesNotOverflowTheDaemonsStack() throws Exception {
    // At -Xss256k each of these crashed the daemon (native stack overflow while preparing).
    String sum = String.join(" + ", java.util.Collections.nCopies(999, "1"));
    assertEquals(List.of(List.of("999")), ok(QueryMode.READ_ONLY, "SELECT " + sum).rows());
    StringBuilder ctes = new StringBuilder("WITH a0(x) AS (SELECT 1)");
    for (int i = 1; i < 490; i++) {
      ctes.append(", a").append(i).append("(x) AS (SELECT x FROM a").append(i - 1).append(')');
    }
    assertEquals(
        List.of(List.of("1")), ok(QueryMode.READ_ONLY, ctes + " SELECT x FROM a489").rows());
    StringBuilder longer = new StringBuilder(ctes);
    for (int i = 490; i < 3000; i++) {
      longer.append(", a").append(i).append("(x) AS (SELECT x FROM a").append(i - 1).append(')');
    }
    fails(QueryMode.READ_ONLY, longer + " SELECT x FROM a2999", ErrorKind.BAD_REQUEST);
    stillWorks();
  }

  @Test
  void ctesThatDoubleAtEachLevelRunOutOfMemoryWithoutKillingTheDaemon() throws Exception {
    // Each level reads the one below twice and SQLite expands every reference while preparing:
    // 22 levels took 4 GB and 50 s in the sqlite3 shell, all before the progress handler runs.
    StringBuilder ctes = new StringBuilder("WITH a0(x) AS (SELECT 1)");
    for (int i = 1; i < 22; i++) {
      ctes.append(", a").append(i).append("(x) AS (SELECT p.x FROM a").append(i - 1);
      ctes.append(" p, a").append(i - 1).append(" q)");
    }
    DaemonQueryException e =
        assertThrows(
            DaemonQueryException.class,
            () -> daemon.query(QueryMode.READ_ONLY, ctes + " SELECT count(*) FROM a21", T));
    // RLIMIT_DATA stops it (measured: "out of memory" after 300 ms) and the daemon lives on.
    assertEquals(ErrorKind.SQL, e.kind());
    assertEquals("out of memory", e.errorMessage());
    stillWorks();
  }

  @Test
  void anInfiniteRecursiveCteIsStoppedByTheTimeLimit() throws Exception {
    long start = System.nanoTime();
    DaemonQueryException e =
        assertThrows(
            DaemonQueryException.class,
            () ->
                daemon.query(
                    new Request.Query(
                        0,
                        0,
                        QueryMode.READ_ONLY,
                        500,
                        0,
                        0,
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                            + " SELECT max(x) FROM c"),
                    T));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertEquals("Query exceeded the time limit of 500 ms and was interrupted", e.errorMessage());
    assertTrue(millis < 5000, "took " + millis + " ms");
    stillWorks();
  }

  @Test
  void resultsLargerThanTheCapsAreTruncatedAndSaySo() throws Exception {
    String thousand =
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000) ";
    QueryResult rows =
        daemon.query(
            new Request.Query(0, 0, QueryMode.READ_ONLY, 0, 100, 0, thousand + "SELECT x FROM c"),
            T);
    assertEquals(100, rows.rows().size());
    assertEquals(Truncation.ROWS, rows.truncation());
    QueryResult bytes =
        daemon.query(
            new Request.Query(
                0,
                0,
                QueryMode.READ_ONLY,
                0,
                0,
                10_000,
                thousand + "SELECT printf('%.1000c', 'x') FROM c"),
            T);
    assertEquals(9, bytes.rows().size(), "1005 bytes of JSON a row");
    assertEquals(Truncation.BYTES, bytes.truncation());
    QueryResult whole = ok(QueryMode.READ_ONLY, thousand + "SELECT x FROM c");
    assertEquals(1000, whole.rows().size());
    assertFalse(whole.truncated());
    stillWorks();
  }

  @Test
  void aHugeRandomblobHitsTheLengthLimit() throws Exception {
    DaemonQueryException e =
        fails(QueryMode.READ_WRITE, "SELECT length(randomblob(1000000000))", ErrorKind.SQL);
    assertEquals("string or blob too big", e.errorMessage());
    stillWorks();
  }

  @Test
  void fillingTheDiskPastTheFileSizeLimitFailsCleanly() throws Exception {
    daemon.close();
    SandboxConfig small = CONFIG.toBuilder().fileSizeLimitBytes(2L << 20).build();
    daemon = Sandboxes.start(small, dir);
    DaemonQueryException e =
        fails(
            QueryMode.READ_WRITE,
            "CREATE TABLE big(b);"
                + " WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000)"
                + " INSERT INTO big SELECT randomblob(10000) FROM c",
            ErrorKind.STORAGE_FULL);
    assertTrue(
        e.errorMessage().startsWith("File size limit reached (2097152 bytes per file)")
            || e.errorMessage().equals("database or disk is full"),
        e.errorMessage());
    assertEquals(2, e.error().statementIndex());
    assertEquals(
        List.of(List.of("0")), ok(QueryMode.READ_WRITE, "SELECT count(*) FROM big").rows());
    stillWorks();
    assertEquals(List.of(List.of("ok")), ok(QueryMode.READ_ONLY, "PRAGMA integrity_check").rows());
  }

  @Test
  void killMinusNineDuringAQueryIsACleanFailureAndTheNextDaemonWorks() throws Exception {
    CompletableFuture<Object> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return daemon.query(
                    new Request.Query(
                        0,
                        0,
                        QueryMode.READ_ONLY,
                        60_000,
                        0,
                        0,
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                            + " SELECT max(x) FROM c"),
                    T);
              } catch (Exception e) {
                return e;
              }
            });
    Thread.sleep(500);
    assertFalse(running.isDone(), "the query should still be running");
    assertTrue(ProcessHandle.of(daemon.pid()).orElseThrow().destroyForcibly());
    Object outcome = running.get(10, TimeUnit.SECONDS);
    DaemonFailureException e = assertInstanceOfFailure(outcome);
    assertEquals(DaemonFailureException.Reason.DIED, e.reason());
    assertTrue(e.getMessage().contains("killed by signal 9"), e.getMessage());
    assertFalse(daemon.isAlive());
    DaemonFailureException again = assertThrows(DaemonFailureException.class, () -> daemon.ping(T));
    assertEquals(DaemonFailureException.Reason.DIED, again.reason());
    daemon = Sandboxes.start(CONFIG, dir);
    stillWorks();
  }

  private static DaemonFailureException assertInstanceOfFailure(Object outcome) {
    assertTrue(outcome instanceof DaemonFailureException, () -> "got " + outcome);
    return (DaemonFailureException) outcome;
  }

  @Test
  void aDaemonThatStopsAnsweringIsKilledByTheClientDeadline() throws Exception {
    long pid = daemon.pid();
    DaemonFailureException e =
        assertThrows(
            DaemonFailureException.class,
            () ->
                daemon.query(
                    new Request.Query(
                        0,
                        0,
                        QueryMode.READ_ONLY,
                        60_000,
                        0,
                        0,
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                            + " SELECT max(x) FROM c"),
                    Duration.ofMillis(700)));
    assertEquals(DaemonFailureException.Reason.TIMEOUT, e.reason());
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }

  @Test
  void shutdownAndClosedInputBothEndTheProcess() throws Exception {
    long pid = daemon.pid();
    daemon.ping(T);
    daemon.shutdown(Duration.ofSeconds(5));
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    // The database survived the restart.
    daemon = Sandboxes.start(CONFIG, dir);
    stillWorks();
  }

  @Test
  void unsandboxedModeIsExplicitAndSaysSo() throws Exception {
    daemon.close();
    daemon = Sandboxes.start(CONFIG.toBuilder().sandboxed(false).build(), dir);
    assertEquals("unsandboxed", daemon.hello().sandboxStatus());
    stillWorks();
  }

  @Test
  void aCrashLeavesNoFileInTheDatabaseFolderAndReportsOnStderr() throws Exception {
    daemon.close();
    Path log = Sandboxes.newDir("crash-log").resolve("stderr.log");
    for (String signal : List.of("SEGV", "ABRT", "BUS")) {
      daemon =
          DaemonProcess.start(
              org.aybdb.sandbox.launcher.SandboxCommand.daemon(
                  CONFIG, Sandboxes.runtime(), dir.resolve("db.sqlite")),
              dir,
              ProcessBuilder.Redirect.appendTo(log.toFile()),
              Duration.ofSeconds(30));
      stillWorks();
      long pid = daemon.pid();
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
      assertEquals(0, kill.waitFor());
      daemon.onExit().get(30, TimeUnit.SECONDS);
      daemon.close();
      try (var files = Files.list(dir)) {
        List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
        assertTrue(
            names.stream().allMatch(n -> n.startsWith("db.sqlite")),
            signal + " left files in the database folder: " + names);
      }
    }
    String stderr = Files.readString(log);
    assertTrue(stderr.contains("A fatal error has been detected"), stderr);
    assertFalse(stderr.contains("hs_err_pid"), "no crash file is named: " + stderr);
    daemon = Sandboxes.start(CONFIG, dir);
    stillWorks();
  }
}
