package org.aybdb.infrastructure.sandbox;

import static org.aybdb.infrastructure.sandbox.Engines.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the pool's figures on this machine (not a benchmark; loose bounds only): a cold first
 * query through the pool (spawn, sandbox, daemon JVM, hello, query), the spawn time the pool
 * reports, a warm point query, and the resident memory of an idle daemon.
 *
 * <p>Tagged {@code bench}: the {@code bench} profile runs it, {@code ./mvnw verify} does not.
 */
@Tag("bench")
class PoolFiguresIT {

  private static final int DATABASES = 12;

  @Test
  void figures() throws Exception {
    Path data = Engines.newDataPath();
    RecordingListener listener = new RecordingListener();
    try (PooledQueryEngine engine =
        Engines.engine(
            data,
            Engines.settings(DATABASES, Duration.ofMinutes(10), Duration.ofSeconds(10)),
            listener)) {
      List<Double> cold = new ArrayList<>();
      List<DatabaseRef> dbs = new ArrayList<>();
      for (int i = 0; i < DATABASES; i++) {
        DatabaseRef db = create(data, "figures", "db" + i + ".sqlite");
        long start = System.nanoTime();
        engine.execute(db, AccessMode.READ_WRITE, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
        cold.add((System.nanoTime() - start) / 1e6);
        dbs.add(db);
      }
      DatabaseRef hot = dbs.get(0);
      engine.execute(
          hot,
          AccessMode.READ_WRITE,
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
              + " INSERT INTO t(v) SELECT 'value ' || i FROM n");
      List<Double> warm = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        long start = System.nanoTime();
        engine.execute(
            hot, AccessMode.READ_ONLY, "SELECT v FROM t WHERE id = " + (1 + i * 31 % 10000));
        warm.add((System.nanoTime() - start) / 1e6);
      }
      Thread.sleep(1000);
      List<Double> rss = new ArrayList<>();
      for (DatabaseRef db : dbs) {
        long pid = engine.pool().daemonPid(db.path()).orElseThrow();
        rss.add(residentKb(pid) / 1024.0);
      }
      List<Double> spawn = listener.spawnTimes.stream().map(d -> d.toNanos() / 1e6).toList();
      System.out.printf(
          "POOL FIGURES (%d databases, load %.2f): cold first query p50 %.0f ms p90 %.0f ms min"
              + " %.0f ms; pool spawn p50 %.0f ms; warm point query p50 %.2f ms p99 %.2f ms;"
              + " idle daemon RSS p50 %.1f MB max %.1f MB%n",
          DATABASES,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          pct(cold, 50),
          pct(cold, 90),
          pct(cold, 0),
          pct(spawn, 50),
          pct(warm, 50),
          pct(warm, 99),
          pct(rss, 50),
          pct(rss, 100));
      assertEquals(DATABASES, spawn.size());
      assertTrue(pct(cold, 50) < 5000, "cold start " + cold);
      assertTrue(pct(rss, 50) > 5 && pct(rss, 50) < 64, "RSS " + rss);
    }
  }

  private static long residentKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new AssertionError("no VmRSS for " + pid);
  }

  private static double pct(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
