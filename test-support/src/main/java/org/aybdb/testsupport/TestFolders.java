package org.aybdb.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work folder failsafe gives the sandbox tests (system property {@code sandbox.work.dir}) and
 * fresh folders in it, unique per test JVM and call, so tests never share a database folder.
 */
public final class TestFolders {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestFolders() {}

  /** The tests' work folder; set by the pom, so only runs through failsafe have it. */
  public static Path workDir() {
    String dir =
        Objects.requireNonNull(
            System.getProperty("sandbox.work.dir"),
            "run through failsafe: sandbox.work.dir is not set");
    return Path.of(dir).toAbsolutePath();
  }

  /** A new, empty folder {@code workDir/parent/prefix<pid>-<n>}. */
  public static Path fresh(String parent, String prefix) {
    Path dir =
        workDir()
            .resolve(parent)
            .resolve(prefix + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
