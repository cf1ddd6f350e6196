package org.aybdb.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A consistent copy of a hosted database, made for one download: the file, the name to offer it
 * under, its size and its SHA-256 (base64). Whoever sends it calls {@link #delete()} afterwards,
 * which also runs {@code released} (the export's place among those the server allows at once).
 */
public record ExportedFile(
    Path file, String fileName, long size, String sha256Base64, Runnable released) {

  public ExportedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256Base64, "sha256Base64");
    Objects.requireNonNull(released, "released");
  }

  /** Removes the copy and the scratch folder it was made in, and gives its place back. */
  public void delete() {
    try {
      deleteFolder();
    } finally {
      released.run();
    }
  }

  private void deleteFolder() {
    Path folder = file.getParent();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path each : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    } catch (IOException e) {
      java.util.logging.Logger.getLogger(ExportedFile.class.getName())
          .warning(() -> "Cannot delete the export copy " + folder + ": " + e);
    }
  }
}
