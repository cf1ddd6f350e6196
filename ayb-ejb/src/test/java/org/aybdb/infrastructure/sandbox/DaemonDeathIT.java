package org.aybdb.infrastructure.sandbox;

import static org.aybdb.infrastructure.sandbox.Engines.await;
import static org.aybdb.infrastructure.sandbox.Engines.create;
import static org.aybdb.infrastructure.sandbox.Engines.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a request is told when its daemon is killed under it: a read-only one is repeated on a new
 * daemon and answered normally; a read-write one is not repeated and says its outcome is unknown.
 */
class DaemonDeathIT {

  /** A read that takes a few seconds (and is far from the 30 s limit below). */
  private static final String SLOW_READ =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 4000000)"
          + " SELECT count(*) FROM c";

  /** A write whose statement runs until it is killed. */
  private static final String ENDLESS_WRITE =
      "INSERT INTO t SELECT 'w' || x FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL"
          + " SELECT x + 1 FROM c) SELECT x FROM c)";

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final RecordingListener listener = new RecordingListener();
  private Path data;
  private PooledQueryEngine engine;

  @BeforeEach
  void start() throws Exception {
    data = Engines.newDataPath();
    engine =
        Engines.engine(data, settings(4, Duration.ofMinutes(10), Duration.ofSeconds(30)), listener);
  }

  @AfterEach
  void stop() {
    engine.close();
    threads.shutdownNow();
  }

  private DatabaseRef table(String name) {
    DatabaseRef db = create(data, "death", name);
    engine.execute(db, AccessMode.READ_WRITE, "CREATE TABLE t(v TEXT); INSERT INTO t VALUES ('a')");
    return db;
  }

  private long pid(DatabaseRef db) {
    return engine.pool().daemonPid(db.path()).orElseThrow();
  }

  @Test
  void aReadWhoseDaemonIsKilledIsRepeatedOnANewDaemon() throws Exception {
    DatabaseRef db = table("read.sqlite");
    long pid = pid(db);
    Future<QueryResult> read =
        threads.submit(() -> engine.execute(db, AccessMode.READ_ONLY, SLOW_READ));
    Thread.sleep(300);
    assertFalse(read.isDone(), "the read finished before the daemon could be killed");
    assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly(), "SIGKILL sent");
    QueryResult result = read.get(60, TimeUnit.SECONDS);
    assertEquals("4000000", result.rows().get(0).get(0));
    assertNotEquals(pid, pid(db));
    await("the crash report", () -> listener.count("crashed") == 1);
  }

  @Test
  void aWriteWhoseDaemonIsKilledSaysItsOutcomeIsUnknownAndIsNotRepeated() throws Exception {
    DatabaseRef db = table("write.sqlite");
    long pid = pid(db);
    Future<QueryResult> write =
        threads.submit(() -> engine.execute(db, AccessMode.READ_WRITE, ENDLESS_WRITE));
    Thread.sleep(500);
    assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly(), "SIGKILL sent");
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> write.get(30, TimeUnit.SECONDS));
    AybException e = (AybException) failure.getCause();
    assertEquals(ErrorType.Other, e.type());
    assertEquals(AybException.Kind.UNAVAILABLE, e.kind());
    assertTrue(e.getMessage().contains("outcome is unknown"), e.getMessage());
    assertTrue(e.getMessage().contains("may have been committed"), e.getMessage());
    assertFalse(e.getMessage().contains("may be repeated"), e.getMessage());
    // Not repeated: no daemon was started for it after the kill; the next request starts one.
    assertTrue(engine.pool().daemonPid(db.path()).isEmpty());
    QueryResult rows = engine.execute(db, AccessMode.READ_ONLY, "SELECT count(*) FROM t");
    assertEquals("1", rows.rows().get(0).get(0), "the killed statement was rolled back");
  }
}
