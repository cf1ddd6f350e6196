package org.aybdb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.aybdb.sandbox.client.DaemonProcess;
import org.aybdb.sandbox.launcher.SandboxRuntime;
import org.aybdb.sandbox.protocol.QueryMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the figures the README quotes: cold start to first answer (p50/p90 of {@code
 * -Dsandbox.starts}, default 20, with and without AppCDS, and from a first stage started ahead of
 * need) and idle resident memory per daemon and per waiting first stage. Not a timed test: it
 * asserts only that every start answered.
 *
 * <p>Tagged {@code bench}: the {@code bench} profile runs it, {@code ./mvnw verify} does not.
 */
@Tag("bench")
class DaemonFiguresIT {

  private static final int STARTS = Integer.getInteger("sandbox.starts", 20);

  @Test
  void startUpAndIdleMemory() throws Exception {
    SandboxRuntime runtime = Sandboxes.runtime();
    assertTrue(runtime.daemonArchive() != null, "the AppCDS training run made a daemon archive");
    assertTrue(runtime.launcherArchive() != null, "and a launcher archive");
    Path dir = Sandboxes.newDir("figures");
    try (DaemonProcess d = Sandboxes.start(runtime, dir)) {
      d.query(
          QueryMode.READ_WRITE,
          "CREATE TABLE t(x); INSERT INTO t VALUES (1)",
          Duration.ofSeconds(10));
    }
    report("with AppCDS", runtime, dir, false);
    report("without AppCDS", runtime.withoutArchives(), dir, false);
    report("with AppCDS, first stage started ahead of need", runtime, dir, true);
  }

  private static void report(String label, SandboxRuntime runtime, Path dir, boolean prestarted)
      throws Exception {
    List<Double> millis = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    List<Long> waitingRss = new ArrayList<>();
    for (int i = 0; i < STARTS; i++) {
      Process waiting = null;
      if (prestarted) {
        waiting = Sandboxes.prestart(runtime);
        Thread.sleep(600); // loaded and waiting, as in the server's pool
        assertTrue(waiting.isAlive());
        waitingRss.add(rssKb(waiting.pid()));
      }
      long t0 = System.nanoTime();
      try (DaemonProcess d =
          prestarted ? Sandboxes.assign(waiting, runtime, dir) : Sandboxes.start(runtime, dir)) {
        var r = d.query(QueryMode.READ_ONLY, "SELECT x FROM t", Duration.ofSeconds(10));
        millis.add((System.nanoTime() - t0) / 1e6);
        assertEquals(List.of(List.of("1")), r.rows());
        Thread.sleep(100);
        rss.add(rssKb(d.pid()));
      }
    }
    Collections.sort(millis);
    Collections.sort(rss);
    System.out.printf(
        "daemon cold start to first answer, %s: p50 %.0f ms, p90 %.0f ms, min %.0f ms (%d starts);"
            + " idle RSS p50 %d KB, max %d KB%n",
        label,
        millis.get(millis.size() / 2),
        millis.get((int) (millis.size() * 0.9)),
        millis.get(0),
        STARTS,
        rss.get(rss.size() / 2),
        rss.get(rss.size() - 1));
    if (prestarted) {
      Collections.sort(waitingRss);
      System.out.printf(
          "a first stage waiting for its database: RSS p50 %d KB%n",
          waitingRss.get(waitingRss.size() / 2));
    }
  }

  private static long rssKb(long pid) throws Exception {
    Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid)).start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    ps.waitFor();
    return Long.parseLong(out);
  }
}
