package org.aybdb.infrastructure.sandbox;

import static org.aybdb.infrastructure.sandbox.Engines.create;
import static org.aybdb.infrastructure.sandbox.Engines.running;
import static org.aybdb.infrastructure.sandbox.Engines.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.aybdb.application.AybException;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.infrastructure.sandbox.pool.DaemonPool;
import org.aybdb.infrastructure.storage.DatabaseDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Read-only queries of one database on daemons of their own ({@code [sandbox]
 * readers_per_database}), against real sandboxed daemons: a long read does not hold up another
 * read, writes still go one at a time, a deadline kills only its own reader, and snapshots and
 * quiescing see every reader.
 */
class ParallelReadersIT {

  /** Counts until the time limit stops it. */
  private static final String ENDLESS =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private Path data;
  private PooledQueryEngine engine;

  @BeforeEach
  void data() throws Exception {
    data = Engines.newDataPath();
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    threads.shutdownNow();
  }

  private DatabaseRef table(String name) {
    DatabaseRef db = create(data, "readers", name);
    engine.execute(
        db,
        AccessMode.READ_WRITE,
        "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER);"
            + " INSERT INTO t VALUES (1, 500), (2, 500)");
    return db;
  }

  private long sum(DatabaseRef db) {
    return Long.parseLong(
        engine.execute(db, AccessMode.READ_ONLY, "SELECT sum(a) FROM t").rows().get(0).get(0));
  }

  private Path file(DatabaseRef db) {
    return new DatabaseDirectories(data).currentFile("readers", db.database()).orElseThrow();
  }

  @Test
  void aLongReadDoesNotHoldUpAnotherReadAndItsTimeLimitStopsOnlyIt() throws Exception {
    engine = Engines.engine(data, settings(8, Duration.ofMinutes(10), Duration.ofSeconds(3)), l());
    DatabaseRef db = table("long-read.sqlite");
    Future<?> endless = threads.submit(() -> engine.execute(db, AccessMode.READ_ONLY, ENDLESS));
    Thread.sleep(700); // it runs on the database's daemon now
    List<Long> before = engine.daemonPids();
    assertEquals(1, before.size(), "one daemon, busy with the long read");
    long started = System.nanoTime();
    assertEquals(1000, sum(db));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertFalse(endless.isDone(), "the second read finished while the first still ran");
    assertTrue(millis < 2000, "the second read waited " + millis + " ms");
    assertEquals(2, engine.pool().liveDaemons(), "the second read got a daemon of its own");
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> endless.get(20, TimeUnit.SECONDS));
    assertEquals(
        AybException.Kind.INVALID_INPUT,
        ((AybException) e.getCause()).kind(),
        e.getCause().getMessage());
    // The reader that served the second read is still there and serves the next one.
    List<Long> after = engine.daemonPids();
    assertTrue(after.stream().anyMatch(p -> !before.contains(p)), "the second reader is alive");
    assertEquals(1000, sum(db));
  }

  @Test
  void writesWaitForEachOtherWhileReadsGoOn() throws Exception {
    engine = Engines.engine(data, settings(8, Duration.ofMinutes(10), Duration.ofSeconds(10)), l());
    DatabaseRef db = table("writes.sqlite");
    DaemonPool pool = engine.pool();
    Future<?> write;
    // A write in progress: the database's writing daemon, held.
    try (DaemonPool.Lease held = pool.lease(db.path(), () -> file(db), Duration.ofSeconds(10))) {
      write =
          threads.submit(
              () ->
                  engine.execute(db, AccessMode.READ_WRITE, "UPDATE t SET a = a + 1 WHERE id = 1"));
      Thread.sleep(800);
      assertFalse(write.isDone(), "a second write ran beside the first");
      // Reads are not held up by the write in progress (another thread: the pool's locks are
      // reentrant, so this one would be handed the daemon it holds).
      assertEquals(1000, threads.submit(() -> sum(db)).get(5, TimeUnit.SECONDS));
      assertEquals(2, pool.liveDaemons(), "the read got a daemon of its own");
    }
    write.get(10, TimeUnit.SECONDS);
    assertEquals(1001, sum(db));
    // Read-only leases never get the writing daemon while an extra reader is free.
    try (DaemonPool.Lease writer = pool.lease(db.path(), () -> file(db), Duration.ofSeconds(10));
        DaemonPool.Lease reader =
            pool.lease(db.path(), () -> file(db), Duration.ofSeconds(10), true)) {
      assertNotEquals(writer.daemon().pid(), reader.daemon().pid());
    }
  }

  /**
   * An owner's (read-write) single SELECT runs beside a write in progress on a reader daemon;
   * anything else of a read-write caller, a WITH that could start a write included, waits for the
   * writer.
   */
  @Test
  void aReadWriteCallersSelectTakesAReaderButItsOtherStatementsWaitForTheWriter() throws Exception {
    engine = Engines.engine(data, settings(8, Duration.ofMinutes(10), Duration.ofSeconds(10)), l());
    DatabaseRef db = table("owner.sqlite");
    DaemonPool pool = engine.pool();
    Future<?> cte;
    try (DaemonPool.Lease held = pool.lease(db.path(), () -> file(db), Duration.ofSeconds(10))) {
      Future<String> select =
          threads.submit(
              () ->
                  engine
                      .execute(db, AccessMode.READ_WRITE, " select sum(a) FROM t;")
                      .rows()
                      .get(0)
                      .get(0));
      assertEquals("1000", select.get(5, TimeUnit.SECONDS), "the SELECT waited for the writer");
      assertEquals(2, pool.liveDaemons(), "the SELECT got a reader of its own");
      cte =
          threads.submit(
              () ->
                  engine.execute(
                      db, AccessMode.READ_WRITE, "WITH x AS (SELECT 1) SELECT * FROM t, x"));
      Thread.sleep(800);
      assertFalse(cte.isDone(), "a read-write WITH ran beside the writer");
    }
    cte.get(10, TimeUnit.SECONDS);
  }

  /** The same for a JSON body's batch: SELECTs only take a reader, anything else the writer. */
  @Test
  void aReadWriteCallersBatchOfSelectsTakesAReader() throws Exception {
    engine = Engines.engine(data, settings(8, Duration.ofMinutes(10), Duration.ofSeconds(10)), l());
    DatabaseRef db = table("batch.sqlite");
    DaemonPool pool = engine.pool();
    Future<?> write;
    try (DaemonPool.Lease held = pool.lease(db.path(), () -> file(db), Duration.ofSeconds(10))) {
      Future<String> selects =
          threads.submit(
              () ->
                  engine
                      .run(
                          db,
                          AccessMode.READ_WRITE,
                          batch(false, "SELECT 1", "SELECT sum(a) FROM t"),
                          0)
                      .get(1)
                      .rows()
                      .get(0)
                      .get(0)
                      .toString());
      assertEquals("1000", selects.get(5, TimeUnit.SECONDS), "the batch waited for the writer");
      assertEquals(2, pool.liveDaemons(), "the batch got a reader of its own");
      write =
          threads.submit(
              () ->
                  engine.run(
                      db,
                      AccessMode.READ_WRITE,
                      batch(true, "SELECT 1", "UPDATE t SET a = a + 1 WHERE id = 1"),
                      0));
      Thread.sleep(800);
      assertFalse(write.isDone(), "a batch with an UPDATE ran beside the writer");
    }
    write.get(10, TimeUnit.SECONDS);
    assertEquals(1001, sum(db));
  }

  private static org.aybdb.application.engine.StatementBatch batch(boolean atomic, String... sql) {
    List<org.aybdb.application.engine.BoundStatement> statements = new ArrayList<>();
    for (String s : sql) {
      statements.add(
          new org.aybdb.application.engine.BoundStatement(s, List.of(), java.util.Map.of()));
    }
    return new org.aybdb.application.engine.StatementBatch(statements, atomic, false);
  }

  @Test
  void oneReaderPerDatabaseKeepsReadsOnOneDaemon() throws Exception {
    SandboxSettings base = settings(8, Duration.ofMinutes(10), Duration.ofSeconds(10));
    engine = Engines.engine(data, base.withPool(base.pool().withReadersPerDatabase(1)), l());
    DatabaseRef db = table("one.sqlite");
    DaemonPool pool = engine.pool();
    try (DaemonPool.Lease held =
        pool.lease(db.path(), () -> file(db), Duration.ofSeconds(10), true)) {
      Future<Long> read = threads.submit(() -> sum(db));
      Thread.sleep(500);
      assertFalse(read.isDone(), "with readers_per_database = 1 reads wait for each other");
      held.close();
      assertEquals(1000, read.get(10, TimeUnit.SECONDS));
    }
    assertEquals(1, pool.liveDaemons());
  }

  @Test
  void snapshotsAndQuiescingDuringParallelReadsAreConsistent() throws Exception {
    engine = Engines.engine(data, settings(8, Duration.ofMinutes(10), Duration.ofSeconds(10)), l());
    DatabaseRef db = table("consistent.sqlite");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      workers.add(
          threads.submit(
              () -> {
                while (!stop.get()) {
                  long s = sum(db);
                  if (s != 1000) {
                    wrong.add("a reader saw a sum of " + s);
                  }
                  reads.incrementAndGet();
                }
                return null;
              }));
    }
    // A writer moves amounts between the rows, one transaction each: the sum stays 1000.
    workers.add(
        threads.submit(
            () -> {
              while (!stop.get()) {
                engine.execute(
                    db,
                    AccessMode.READ_WRITE,
                    "BEGIN; UPDATE t SET a = a - 1 WHERE id = 1;"
                        + " UPDATE t SET a = a + 1 WHERE id = 2; COMMIT");
              }
              return null;
            }));
    Thread.sleep(1500);
    assertTrue(engine.pool().liveDaemons() >= 2, "reads ran on more than one daemon");
    engine.copyInto(db, "snapshot.sqlite");
    List<Long> before = engine.daemonPids();
    long[] during = new long[2];
    engine.quiesced(
        db,
        () -> {
          during[0] = reads.get();
          try {
            Thread.sleep(500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          during[1] = reads.get();
          return null;
        });
    Thread.sleep(500);
    stop.set(true);
    for (Future<?> f : workers) {
      f.get(30, TimeUnit.SECONDS);
    }
    assertTrue(wrong.isEmpty(), String.join("; ", wrong));
    // At most the reads that had finished on a daemon but not yet been counted (one per reader).
    assertTrue(
        during[1] - during[0] <= 3,
        (during[1] - during[0]) + " reads finished while the database was quiesced");
    for (long pid : before) {
      assertFalse(running(pid), "every daemon of the database was retired by quiescing");
    }
    Path copy = file(db).resolveSibling("snapshot.sqlite");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
      var rs = c.createStatement().executeQuery("SELECT sum(a), count(*) FROM t");
      rs.next();
      assertEquals(1000, rs.getLong(1), "the snapshot holds whole transactions only");
      assertEquals(2, rs.getInt(2));
    }
    assertEquals(1000, sum(db));
  }

  private static RecordingListener l() {
    return new RecordingListener();
  }
}
