package org.aybdb.infrastructure.sandbox;

import static org.aybdb.infrastructure.sandbox.Engines.await;
import static org.aybdb.infrastructure.sandbox.Engines.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server JVM killed outright (SIGKILL, no @PreDestroy) still takes its daemons along. */
class OrphanedDaemonsIT {

  @Test
  void daemonsExitWhenTheServerDiesWithoutRetiringThem() throws Exception {
    Path data = Engines.newDataPath();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process server =
        new ProcessBuilder(
                java.toString(),
                "-Dsandbox.work.dir=" + Engines.workDir(),
                "-cp",
                System.getProperty("java.class.path"),
                ServerStandIn.class.getName(),
                data.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<Long> pids = new ArrayList<>();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("PIDS")) {
        // skip anything else
      }
      assertNotNull(line, "the stand-in server printed no daemon pids");
      for (String pid : line.substring(5).split(" ")) {
        pids.add(Long.parseLong(pid));
      }
      assertEquals(2, pids.size());
      for (long pid : pids) {
        assertTrue(running(pid), "daemon " + pid + " runs while its server does");
      }
    } finally {
      server.destroyForcibly(); // SIGKILL: no shutdown hook, no @PreDestroy
      server.waitFor();
    }
    for (long pid : pids) {
      await("daemon " + pid + " to exit after its server died", () -> !running(pid));
    }
  }
}
