import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.aybdb.infrastructure.sandbox.pool.DaemonPool;
import org.aybdb.infrastructure.sandbox.pool.ManagedDaemonFactory;
import org.aybdb.infrastructure.sandbox.pool.PoolListener;
import org.aybdb.infrastructure.sandbox.pool.PoolSettings;
import org.aybdb.sandbox.client.DaemonProcess;
import org.aybdb.sandbox.launcher.SandboxCommand;
import org.aybdb.sandbox.launcher.SandboxConfig;
import org.aybdb.sandbox.launcher.SandboxRuntime;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;

/**
 * The daemon half of the query path, without HTTP: a warm point query on one daemon, the same
 * through the pool (1 and 4 readers of one database), a cold first query on idle databases, and an
 * idle daemon's memory. Prints one "key value" line per figure; bench/daemon-bench.sh runs it
 * against a baseline build and this one and prints both side by side. It uses only API present in
 * both (the pool's read-only lease is looked up by reflection; without it reads take the plain
 * lease, as the baseline's engine does).
 *
 * <p>Arguments: work folder, folder of the agent's dependency jars, agent jar, seconds per
 * throughput run.
 */
public class DaemonBench {
  static final Duration T = Duration.ofSeconds(60);

  static final int ROWS = 10_000;

  /** 20,000 timed point queries on one warm daemon, sorted (nanoseconds). */
  static long[] pointLoop(DaemonProcess d) throws Exception {
    long[] nanos = new long[20_000];
    for (int i = 0; i < nanos.length; i++) {
      long t0 = System.nanoTime();
      d.query(QueryMode.READ_ONLY, pointQuery(i), T);
      nanos[i] = System.nanoTime() - t0;
    }
    java.util.Arrays.sort(nanos);
    return nanos;
  }

  /** {@code DaemonProcess.answerSpin(Duration)}, or null in builds without it. */
  static Method answerSpin() {
    try {
      return DaemonProcess.class.getMethod("answerSpin", Duration.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    Path lib = Path.of(args[1]);
    Path agent = Path.of(args[2]);
    int seconds = Integer.parseInt(args[3]);
    Path jna;
    try (var list = Files.list(lib)) {
      jna = list.filter(p -> p.getFileName().toString().startsWith("jna-")).findFirst().orElseThrow();
    }
    SandboxRuntime runtime = SandboxRuntime.install(work.resolve("runtime"), agent, jna);
    SandboxConfig config = SandboxConfig.defaults();
    out("load_start", loadAverage());

    // 1. The daemon alone: a warm point-query loop on one DaemonProcess.
    Path hot = database(work, "hot");
    try (DaemonProcess d =
        DaemonProcess.start(
            SandboxCommand.daemon(config, runtime, hot),
            hot.getParent(),
            ProcessBuilder.Redirect.INHERIT,
            T)) {
      d.query(
          QueryMode.READ_WRITE,
          "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);"
              + " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
              + ROWS
              + ") INSERT INTO t(v) SELECT 'value ' || i FROM n",
          T);
      for (int i = 0; i < 5_000; i++) {
        d.query(QueryMode.READ_ONLY, pointQuery(i), T);
      }
      long[] nanos = pointLoop(d);
      out("daemon_point_p50_us", nanos[nanos.length / 2] / 1e3);
      out("daemon_point_p99_us", nanos[(int) (nanos.length * 0.99)] / 1e3);
      // The same with the waiting thread spinning 50 µs before it blocks (what a client that does
      // nothing else while it waits may choose; the server does not spin by default). Builds
      // before DaemonProcess.answerSpin spun by default and print no such line.
      Method spin = answerSpin();
      if (spin != null) {
        spin.invoke(d, Duration.ofNanos(50_000));
        nanos = pointLoop(d);
        out("daemon_point_spin50_p50_us", nanos[nanos.length / 2] / 1e3);
        out("daemon_point_spin50_p99_us", nanos[(int) (nanos.length * 0.99)] / 1e3);
      }
    }

    // 2. The pool alone: point queries through leases; 1 reader, then 4 on the same database.
    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor();
    PoolSettings settings = PoolSettings.of(64, Duration.ofMinutes(10), Duration.ofSeconds(10));
    try (DaemonPool pool = pool(config, runtime, settings, sweeper)) {
      Reader reader = new Reader(pool, "bench/hot", () -> hot);
      reader.run(0); // starts the daemon
      long[] one = new long[20_000];
      for (int i = 0; i < 5_000; i++) {
        reader.run(i);
      }
      for (int i = 0; i < one.length; i++) {
        long t0 = System.nanoTime();
        reader.run(i);
        one[i] = System.nanoTime() - t0;
      }
      java.util.Arrays.sort(one);
      out("pool_point_p50_us", one[one.length / 2] / 1e3);
      out("pool_point_p99_us", one[(int) (one.length * 0.99)] / 1e3);
      warmReaders(pool, reader);
      double[] q = oneAgainstFour(reader, seconds);
      out("pool_point_1_reader_qps", q[0]);
      out("pool_point_4_readers_qps", q[1]);
      out("pool_point_4_vs_1_ratio", q[1] / q[0]);
      // Reads that keep the daemon busy (an aggregate over every row, about a millisecond): here
      // readers of one database queue behind each other unless they have daemons of their own.
      Reader scan = new Reader(pool, "bench/hot", () -> hot, SCAN);
      double[] s = oneAgainstFour(scan, seconds);
      out("pool_scan_1_reader_qps", s[0]);
      out("pool_scan_4_readers_qps", s[1]);
      out("pool_scan_4_vs_1_ratio", s[1] / s[0]);
      out("pool_daemons_of_hot_db", pool.liveDaemons());
    }

    // 3. Cold first query on idle databases (a fresh pool per run, pre-started first stages).
    int databases = 20;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < databases; i++) {
      Path f = database(work, "cold" + i);
      files.add(f);
    }
    try (DaemonPool pool = pool(config, runtime, settings, sweeper)) {
      for (int i = 0; i < databases; i++) {
        Path f = files.get(i);
        write(pool, "bench/cold" + i, f, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);"
            + " INSERT INTO t(v) VALUES ('a'), ('b')");
      }
    }
    List<Double> cold = new ArrayList<>();
    List<Double> rss = new ArrayList<>();
    List<Double> pss = new ArrayList<>();
    PoolSettings prestarting =
        settings.withPrestartedLaunchers(
            org.aybdb.config.AybConfiguration.Sandbox.DEFAULT_PRESTARTED_LAUNCHERS);
    try (DaemonPool pool = pool(config, runtime, prestarting, sweeper)) {
      Thread.sleep(1500); // the first stages started ahead of need are ready
      for (int i = 0; i < databases; i++) {
        Path f = files.get(i);
        Reader r = new Reader(pool, "bench/cold" + i, () -> f);
        long t0 = System.nanoTime();
        r.run(1);
        cold.add((System.nanoTime() - t0) / 1e6);
        Thread.sleep(400); // an idle moment: the pool starts the next first stage ahead of need
      }
      Thread.sleep(1000);
      for (long pid : pool.pids()) {
        rss.add(statusKb(pid, "VmRSS:") / 1024.0);
        pss.add(pssKb(pid) / 1024.0);
      }
    }
    sweeper.shutdownNow();
    Collections.sort(cold);
    Collections.sort(rss);
    Collections.sort(pss);
    out("cold_first_query_p50_ms", cold.get(cold.size() / 2));
    out("cold_first_query_p90_ms", cold.get((int) (cold.size() * 0.9)));
    out("idle_daemon_rss_p50_mb", rss.get(rss.size() / 2));
    out("idle_daemon_pss_p50_mb", pss.get(pss.size() / 2));
    out("load_end", loadAverage());
  }

  static final String SCAN = "SELECT count(*), sum(length(v)), max(v) FROM t";

  static String pointQuery(int i) {
    return "SELECT v FROM t WHERE id = " + (1 + (i * 7919L) % ROWS);
  }

  static Path database(Path work, String name) throws IOException {
    Path dir = Files.createDirectories(work.resolve("data").resolve(name).resolve("v1"));
    return dir.resolve("db.sqlite");
  }

  static DaemonPool pool(
      SandboxConfig config,
      SandboxRuntime runtime,
      PoolSettings settings,
      ScheduledExecutorService sweeper) {
    return new DaemonPool(
        new ManagedDaemonFactory(
            config,
            runtime,
            ProcessBuilder.Redirect.INHERIT,
            T,
            settings.prestartedLaunchers()),
        settings,
        new PoolListener() {},
        sweeper);
  }

  static void write(DaemonPool pool, String db, Path file, String sql) throws Exception {
    try (DaemonPool.Lease lease = pool.lease(db, () -> file, T)) {
      lease.daemon().query(Request.Query.of(0, QueryMode.READ_WRITE, sql), T);
    }
  }

  /** A point-query reader through the pool, with the read-only lease where the pool has one. */
  static final class Reader {
    private static final Method READ_LEASE = readLease();
    final DaemonPool pool;
    final String database;
    final Supplier<Path> file;
    final String sql; // null: point queries

    Reader(DaemonPool pool, String database, Supplier<Path> file) {
      this(pool, database, file, null);
    }

    Reader(DaemonPool pool, String database, Supplier<Path> file, String sql) {
      this.pool = pool;
      this.database = database;
      this.file = file;
      this.sql = sql;
    }

    void run(int i) throws Exception {
      String text = sql == null ? pointQuery(i) : sql;
      try (DaemonPool.Lease lease = lease()) {
        lease.daemon().query(Request.Query.of(0, QueryMode.READ_ONLY, text), T);
      }
    }

    DaemonPool.Lease lease() throws Exception {
      if (READ_LEASE != null) {
        return (DaemonPool.Lease) READ_LEASE.invoke(pool, database, file, T, true);
      }
      return pool.lease(database, file, T);
    }

    private static Method readLease() {
      try {
        return DaemonPool.class.getMethod(
            "lease", String.class, Supplier.class, Duration.class, boolean.class);
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  }

  /**
   * Runs 4 readers until the pool's extra reader daemons (if it has them) are all up, then once
   * more so that they are warm too. A daemon starting, or still compiling its hot path, during the
   * measurement takes CPU from the readers being measured (two cores here): with a fixed short
   * warm-up the 4-reader figure depended on how fast the machine started JVMs at that moment.
   */
  static void warmReaders(DaemonPool pool, Reader reader) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int before = -1;
    while (System.nanoTime() < until) {
      throughput(reader, 4, 1);
      int now = pool.liveDaemons();
      if (now == before) {
        break; // no reader daemon came up in a second of four readers: they are all there
      }
      before = now;
    }
    throughput(reader, 4, 3);
  }

  /**
   * Queries per second of 1 and of 4 readers, measured 1, 4, 1, 4 for {@code seconds} / 2 each and
   * summed per reader count: a change in the machine's load during the run (other work on a shared
   * machine) then weighs on both figures alike instead of on the one measured second.
   */
  static double[] oneAgainstFour(Reader reader, int seconds) throws Exception {
    double half = seconds / 2.0;
    double one = 0;
    double four = 0;
    for (int round = 0; round < 2; round++) {
      one += throughput(reader, 1, half);
      four += throughput(reader, 4, half);
    }
    return new double[] {one / 2, four / 2};
  }

  /** Queries per second of {@code threads} readers running for {@code seconds}. */
  static double throughput(Reader reader, int threads, double seconds) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder done = new LongAdder();
    ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch finished = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int seed = t * 1000;
      Thread th =
          new Thread(
              () -> {
                try {
                  for (int i = seed; !stop.get(); i++) {
                    reader.run(i);
                    done.increment();
                  }
                } catch (Exception e) {
                  failures.add(e);
                } finally {
                  finished.countDown();
                }
              });
      th.start();
    }
    long t0 = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    finished.await();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    if (!failures.isEmpty()) {
      throw failures.peek();
    }
    return done.sum() / elapsed;
  }

  static String loadAverage() throws IOException {
    String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return parts[0] + "/" + parts[1] + "/" + parts[2];
  }

  static long statusKb(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  static long pssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
      if (line.startsWith("Pss:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  static void out(String key, Object value) {
    if (value instanceof Double d) {
      System.out.printf("%s %.1f%n", key, d);
    } else {
      System.out.println(key + " " + value);
    }
  }
}
