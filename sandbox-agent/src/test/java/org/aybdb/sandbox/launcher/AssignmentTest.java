package org.aybdb.sandbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a pre-started first stage accepts as its late arguments: only the database's folder, its
 * environment and working directory, then the program; read up to its end and not a byte further.
 */
class AssignmentTest {

  private static ByteArrayInputStream frame(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsUpToTheEmptyArgumentAndLeavesTheRestForTheProgram() throws Exception {
    ByteArrayInputStream in = frame("--rw=/d\0--\0/bin/prog\0a b\0\0REQUEST");
    assertEquals(List.of("--rw=/d", "--", "/bin/prog", "a b"), SandboxLauncher.readAssignment(in));
    assertEquals("REQUEST", new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void anInputThatEndsFirstIsNoAssignment() throws Exception {
    assertNull(SandboxLauncher.readAssignment(frame("")));
    assertNull(SandboxLauncher.readAssignment(frame("--rw=/d\0--\0/bin/prog\0")));
  }

  @Test
  void onlyTheFolderEnvironmentAndDirectoryMayComeLate() {
    for (String early :
        List.of("--ro=/", "--mode=unsandboxed", "--netns=off", "--rlimit-data=0", "--check")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> SandboxLauncher.assignment(List.of(early, "--", "/bin/prog")));
      assertEquals("an assignment may not carry " + early, e.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class, () -> SandboxLauncher.assignment(List.of("--rw=/d")));
  }

  @Test
  void aPrestartedCommandWithItsAssignmentIsTheDaemonsCommand() {
    SandboxConfig config = SandboxConfig.defaults();
    SandboxRuntime runtime =
        new SandboxRuntime(
            Path.of(System.getProperty("java.home")),
            List.of(Path.of("/opt/ayb/agent.jar")),
            Path.of("/opt/ayb/native"),
            Path.of("/usr/lib/libsqlite3.so"),
            null,
            null);
    Path db = Path.of("/data/e/d/v1/db.sqlite");
    List<String> early = SandboxCommand.prestarted(config, runtime);
    List<String> late = SandboxCommand.assignment(config, runtime, db);
    assertEquals(late, SandboxLauncher.assignment(late), "the server's assignment is accepted");
    List<String> joined = new ArrayList<>(early);
    joined.remove(SandboxLauncher.AWAIT_ASSIGNMENT);
    joined.addAll(late);
    assertEquals(SandboxCommand.daemon(config, runtime, db), joined);
    assertEquals(
        -1, String.join(" ", early).indexOf("/data/e/d"), "the pre-started part names no database");
  }
}
