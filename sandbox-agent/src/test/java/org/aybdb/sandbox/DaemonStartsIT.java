package org.aybdb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aybdb.sandbox.client.DaemonProcess;
import org.aybdb.sandbox.launcher.SandboxRuntime;
import org.aybdb.sandbox.protocol.QueryMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ways a daemon starts, each once: from the AppCDS archives the build's training run made,
 * without them, and from a first stage started ahead of need that is then given its database.
 * {@link DaemonFiguresIT} (a bench) times the same starts many times.
 */
class DaemonStartsIT {

  private static Path dir;

  @BeforeAll
  static void database() throws Exception {
    dir = Sandboxes.newDir("starts");
    try (DaemonProcess d = Sandboxes.start(Sandboxes.runtime(), dir)) {
      d.query(
          QueryMode.READ_WRITE,
          "CREATE TABLE t(x); INSERT INTO t VALUES (1)",
          Duration.ofSeconds(10));
    }
  }

  @Test
  void theTrainingRunMadeBothArchives() throws Exception {
    SandboxRuntime runtime = Sandboxes.runtime();
    assertNotNull(runtime.daemonArchive(), "the AppCDS training run made a daemon archive");
    assertNotNull(runtime.launcherArchive(), "and a launcher archive");
  }

  @Test
  void aDaemonAnswersWithTheArchivesAndWithout() throws Exception {
    SandboxRuntime runtime = Sandboxes.runtime();
    for (SandboxRuntime each : List.of(runtime, runtime.withoutArchives())) {
      try (DaemonProcess d = Sandboxes.start(each, dir)) {
        assertAnswers(d);
      }
    }
  }

  @Test
  void aFirstStageStartedAheadTakesItsDatabaseAndAnswers() throws Exception {
    SandboxRuntime runtime = Sandboxes.runtime();
    Process waiting = Sandboxes.prestart(runtime);
    assertTrue(waiting.isAlive(), "the first stage waits for its database");
    try (DaemonProcess d = Sandboxes.assign(waiting, runtime, dir)) {
      assertAnswers(d);
    }
  }

  private static void assertAnswers(DaemonProcess daemon) throws Exception {
    var result = daemon.query(QueryMode.READ_ONLY, "SELECT x FROM t", Duration.ofSeconds(10));
    assertEquals(List.of(List.of("1")), result.rows());
  }
}
