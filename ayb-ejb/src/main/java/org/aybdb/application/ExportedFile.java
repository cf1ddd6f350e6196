package org.aybdb.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A consistent copy of a hosted database, made for one download: the file, the name to offer it
 * under, its size and its SHA-256 (base64). Whoever sends it calls {@link #delete()} afterwards.
 */
public record ExportedFile(Path file, String fileName, long size, String sha256Base64) {

  public ExportedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256Base64, "sha256Base64");
  }

  /** Removes the copy and the scratch folder it was made in. */
  public void delete() {
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
