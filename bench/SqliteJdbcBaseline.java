import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The floor for bench/query-bench.sh: the same point SELECT in-process through sqlite-jdbc, one
 * connection per client thread, on a 100 000-row table like the benchmark's.
 *
 * <p>Run: {@code java -cp sqlite-jdbc.jar bench/SqliteJdbcBaseline.java <db> <clients> <seconds>};
 * prints {@code <requests/s> <p50 ms> <p99 ms> 0}.
 */
public final class SqliteJdbcBaseline {

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    int clients = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    String url = "jdbc:sqlite:" + db;
    if (!Files.exists(db)) {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL NOT NULL)");
        s.execute(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100000)"
                + " INSERT INTO t SELECT i, 'name-' || i, i / 7.0 FROM c");
      }
    }
    run(url, clients, 3); // warm-up
    long[] result = run(url, clients, seconds);
    System.out.println(result[0] / (double) seconds + " " + result[1] / 1e6 + " " + result[2] / 1e6 + " 0");
  }

  /** Returns {count, p50 nanos, p99 nanos}. */
  private static long[] run(String url, int clients, int seconds) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    // Latency histogram per thread, 100 ns buckets up to 100 ms (the last bucket takes the rest).
    List<int[]> histograms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int[] counts = new int[clients];
    for (int i = 0; i < clients; i++) {
      int[] mine = new int[1_000_000];
      histograms.add(mine);
      int index = i;
      Thread t =
          new Thread(
              () -> {
                try (Connection c = DriverManager.getConnection(url);
                    PreparedStatement p = c.prepareStatement("SELECT * FROM t WHERE id = ?")) {
                  int n = 0;
                  while (!stop.get()) {
                    long start = System.nanoTime();
                    p.setInt(1, ThreadLocalRandom.current().nextInt(1, 100_001));
                    try (ResultSet r = p.executeQuery()) {
                      while (r.next()) {
                        r.getString(1);
                        r.getString(2);
                        r.getString(3);
                      }
                    }
                    mine[(int) Math.min(mine.length - 1, (System.nanoTime() - start) / 100)]++;
                    n++;
                  }
                  counts[index] = n;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      threads.add(t);
      t.start();
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    int total = Arrays.stream(counts).sum();
    long[] merged = new long[1_000_000];
    for (int[] h : histograms) {
      for (int b = 0; b < h.length; b++) {
        merged[b] += h[b];
      }
    }
    return new long[] {total, percentile(merged, total, 0.50), percentile(merged, total, 0.99)};
  }

  private static long percentile(long[] buckets, long total, double q) {
    long seen = 0;
    for (int b = 0; b < buckets.length; b++) {
      seen += buckets[b];
      if (seen > total * q) {
        return b * 100L + 50;
      }
    }
    return buckets.length * 100L;
  }
}
