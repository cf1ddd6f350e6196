import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.aybdb.sandbox.client.DaemonProcess;
import org.aybdb.sandbox.daemon.Engine;
import org.aybdb.sandbox.launcher.SandboxCommand;
import org.aybdb.sandbox.launcher.SandboxConfig;
import org.aybdb.sandbox.launcher.SandboxRuntime;
import org.aybdb.sandbox.protocol.QueryMode;

/**
 * Sandboxed DuckDB daemons next to SQLite ones (the baseline), in one run: cold start to the first
 * answer, idle resident memory, and a 1-million-row aggregate. Run by bench/duckdb-bench.sh.
 */
public class DuckDbDaemonBench {
  static final Duration T = Duration.ofSeconds(60);

  public static void main(String[] args) throws Exception {
    int starts = Integer.parseInt(args[0]);
    Path work = Path.of(args[1]);
    Path lib = Path.of(args[2]);
    Path agent = Path.of(args[3]);
    Path jna;
    try (var list = Files.list(lib)) {
      jna = list.filter(p -> p.getFileName().toString().startsWith("jna-")).findFirst().orElseThrow();
    }
    SandboxRuntime runtime = SandboxRuntime.install(work.resolve("runtime"), agent, jna);
    SandboxConfig config = SandboxConfig.defaults();
    for (Engine engine : List.of(Engine.SQLITE, Engine.DUCKDB)) {
      Path dir = Files.createDirectories(work.resolve(engine.word()));
      Path file = dir.resolve("db." + engine.word());
      try (DaemonProcess d = start(config, runtime, file, engine)) {
        d.query(QueryMode.READ_WRITE, "CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1)", T);
      }
      List<Double> millis = new ArrayList<>();
      List<Long> rss = new ArrayList<>();
      List<Long> pss = new ArrayList<>();
      for (int i = 0; i < starts; i++) {
        long t0 = System.nanoTime();
        try (DaemonProcess d = start(config, runtime, file, engine)) {
          d.query(QueryMode.READ_ONLY, "SELECT x FROM t", T);
          millis.add((System.nanoTime() - t0) / 1e6);
          Thread.sleep(200);
          rss.add(rssKb(d.pid()));
          pss.add(pssKb(d.pid()));
        }
      }
      Collections.sort(millis);
      Collections.sort(rss);
      Collections.sort(pss);
      String aggregate;
      try (DaemonProcess d = start(config, runtime, file, engine)) {
        String sql =
            engine == Engine.DUCKDB
                ? "SELECT sum(range % 7), count(*) FROM range(1000000)"
                : "WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 999999)"
                    + " SELECT sum(i % 7), count(*) FROM r";
        d.query(QueryMode.READ_ONLY, sql, T);
        long t0 = System.nanoTime();
        d.query(QueryMode.READ_ONLY, sql, T);
        aggregate = String.format("%.0f ms", (System.nanoTime() - t0) / 1e6);
        Thread.sleep(200);
        aggregate += ", RSS after it " + rssKb(d.pid()) / 1024 + " MB";
      }
      System.out.printf(
          "%-6s cold start to first answer: p50 %.0f ms, p90 %.0f ms (%d starts); idle RSS p50 %d"
              + " MB, max %d MB (PSS p50 %d MB); 1M-row aggregate %s%n",
          engine.word(),
          millis.get(millis.size() / 2),
          millis.get((int) (millis.size() * 0.9)),
          starts,
          rss.get(rss.size() / 2) / 1024,
          rss.get(rss.size() - 1) / 1024,
          pss.get(pss.size() / 2) / 1024,
          aggregate);
    }
  }

  static DaemonProcess start(SandboxConfig config, SandboxRuntime runtime, Path file, Engine engine)
      throws Exception {
    return DaemonProcess.start(
        SandboxCommand.daemon(config, runtime, file, engine),
        file.getParent(),
        ProcessBuilder.Redirect.INHERIT,
        T);
  }

  /** Proportional set size: shared library pages count once per process sharing them. */
  static long pssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
      if (line.startsWith("Pss:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  static long rssKb(long pid) throws Exception {
    Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid)).start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    ps.waitFor();
    return Long.parseLong(out);
  }
}
