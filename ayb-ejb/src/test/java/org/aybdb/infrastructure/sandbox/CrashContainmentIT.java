package org.aybdb.infrastructure.sandbox;

import static org.aybdb.infrastructure.sandbox.Engines.await;
import static org.aybdb.infrastructure.sandbox.Engines.create;
import static org.aybdb.infrastructure.sandbox.Engines.fails;
import static org.aybdb.infrastructure.sandbox.Engines.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A crashing daemon is contained: no crash file lands in the tenant's folders, repeated crashes of
 * one database back off (503 with Retry-After) instead of respawning in a loop, each crash is
 * reported once, and other databases are unaffected.
 */
class CrashContainmentIT {

  private Path data;
  private PooledQueryEngine engine;
  private RecordingListener listener;
  private DatabaseRef victim;
  private DatabaseRef bystander;

  @BeforeEach
  void start() throws Exception {
    data = Engines.newDataPath();
    startEngine(Duration.ofSeconds(5));
    victim = create(data, "mallory", "crashy.sqlite");
    bystander = create(data, "alice", "calm.sqlite");
    engine.execute(victim, AccessMode.READ_WRITE, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    engine.execute(bystander, AccessMode.READ_WRITE, "CREATE TABLE t(x); INSERT INTO t VALUES (2)");
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  /** An engine on {@code data} whose queries may run {@code limit}, with a new listener. */
  private void startEngine(Duration limit) throws Exception {
    listener = new RecordingListener();
    SandboxSettings settings = Engines.settings(4, Duration.ofMinutes(10), limit);
    settings =
        settings.withPool(
            settings.pool().withCrashBackoff(Duration.ofSeconds(2), Duration.ofSeconds(4)));
    engine = Engines.engine(data, settings, listener);
  }

  private void crash(DatabaseRef db, String signal) throws Exception {
    long pid = engine.pool().daemonPid(db.path()).orElseThrow();
    long crashes = listener.count("crashed");
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertEquals(0, kill.waitFor());
    await("the daemon's exit", () -> !running(pid));
    await("the crash report", () -> listener.count("crashed") == crashes + 1);
  }

  private String value(DatabaseRef db) {
    return engine.execute(db, AccessMode.READ_ONLY, "SELECT x FROM t").rows().get(0).get(0);
  }

  @Test
  void repeatedCrashesBackOffAndLeaveNoFiles() throws Exception {
    // The first crash is forgiven: the next request gets a new daemon at once.
    crash(victim, "SEGV");
    assertEquals("1", value(victim));
    // The second in a row: no daemon starts for 2 s; requests are told when to come back.
    crash(victim, "SEGV");
    AybException e = fails(ErrorType.Other, AybException.Kind.UNAVAILABLE, () -> value(victim));
    assertTrue(e.getMessage().contains("crashed repeatedly"), e.getMessage());
    assertTrue(
        e.retryAfterSeconds() >= 1 && e.retryAfterSeconds() <= 2, "" + e.retryAfterSeconds());
    assertTrue(engine.pool().daemonPid(victim.path()).isEmpty(), "no daemon was started");
    assertEquals(1, listener.count("backedOff"));
    assertEquals(1, engine.pool().crashingDatabases());
    // Other databases are served meanwhile.
    assertEquals("2", value(bystander));
    // After the wait the database works again; a third crash doubles the wait (capped at 4 s).
    Thread.sleep(e.retryAfterSeconds() * 1000 + 100);
    assertEquals("1", value(victim));
    crash(victim, "ABRT");
    AybException longer =
        fails(ErrorType.Other, AybException.Kind.UNAVAILABLE, () -> value(victim));
    assertTrue(longer.retryAfterSeconds() >= 3, "" + longer.retryAfterSeconds());
    assertEquals(3, listener.count("crashed"));

    // Nothing but the databases' own files anywhere under the data folder.
    try (Stream<Path> files = Files.walk(data)) {
      List<String> strays =
          files
              .filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.endsWith(".sqlite") && !n.contains(".sqlite-"))
              .toList();
      assertEquals(List.of(), strays, "crash files in the data folder");
    }
  }

  /**
   * One {@code instr} call over a 4 MB haystack and a 400 KB needle that almost matches everywhere:
   * minutes of work inside one SQLite call, which the daemon's time limit cannot interrupt, so the
   * client deadline kills the daemon.
   */
  private static final String INSTR_BOMB =
      "SELECT instr(replace(hex(zeroblob(2000000)), '0', 'a'),"
          + " replace(hex(zeroblob(200000)), '0', 'a') || 'b')";

  @Test
  void deadlineKillsAreRetirementsNotCrashes() throws Exception {
    // Both bombs run to the time limit: a shorter one than the other tests' makes this test take
    // seconds less, with the same kills.
    engine.close();
    startEngine(Duration.ofSeconds(2));
    // A read-only caller's bomb: the ordinary time-limit error.
    AybException ro =
        fails(
            ErrorType.QueryError,
            AybException.Kind.INVALID_INPUT,
            () -> engine.execute(victim, AccessMode.READ_ONLY, INSTR_BOMB));
    assertTrue(ro.getMessage().contains("exceeded the time limit of 2000 ms"), ro.getMessage());
    // A read-write caller's: an earlier statement of the request stays committed, the one
    // running when the daemon was killed does not; the message says so.
    AybException rw =
        fails(
            ErrorType.QueryError,
            AybException.Kind.INVALID_INPUT,
            () ->
                engine.execute(
                    victim,
                    AccessMode.READ_WRITE,
                    "INSERT INTO t VALUES (10); INSERT INTO t " + INSTR_BOMB));
    assertTrue(rw.getMessage().contains("was not committed"), rw.getMessage());
    await("two deadline retirements", () -> listener.count("retired", "DEADLINE") == 2);
    // Two in a row, yet no backoff: the owner's query runs at once on a new daemon.
    assertEquals(0, listener.count("crashed"));
    assertEquals(0, engine.pool().crashingDatabases());
    assertEquals(
        List.of(List.of("1"), List.of("10")),
        engine.execute(victim, AccessMode.READ_WRITE, "SELECT x FROM t ORDER BY x").rows());
    assertEquals(0, listener.count("backedOff"));
  }

  @Test
  void cancelKillsTheRunningQueryAsARetirementNotACrash() throws Exception {
    String endless =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n";
    for (int i = 0; i < 3; i++) {
      org.aybdb.application.engine.Cancellation cancellation =
          new org.aybdb.application.engine.Cancellation();
      java.util.concurrent.CompletableFuture<Void> later =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                cancellation.cancel();
              });
      long started = System.nanoTime();
      AybException cancelled =
          fails(
              ErrorType.QueryError,
              AybException.Kind.INVALID_INPUT,
              () -> engine.execute(victim, AccessMode.READ_ONLY, endless, 0, cancellation));
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      later.join();
      assertEquals("The query was cancelled", cancelled.getMessage());
      assertTrue(tookMillis < 3000, "stopped long before the 5 s limit: " + tookMillis + " ms");
    }
    await("three cancel retirements", () -> listener.count("retired", "CANCELLED") == 3);
    // Not retried, never a crash, no backoff: the next query runs at once.
    assertEquals(0, listener.count("crashed"));
    assertEquals(0, engine.pool().crashingDatabases());
    assertEquals(
        List.of(List.of("1")),
        engine.execute(victim, AccessMode.READ_ONLY, "SELECT x FROM t").rows());
    // A cancel after the query ended stops nothing: the daemon stays.
    org.aybdb.application.engine.Cancellation late =
        new org.aybdb.application.engine.Cancellation();
    long pid = engine.pool().daemonPid(victim.path()).orElseThrow();
    engine.execute(victim, AccessMode.READ_ONLY, "SELECT 1", 0, late);
    late.cancel();
    assertEquals(pid, engine.pool().daemonPid(victim.path()).orElseThrow());
  }
}
