package org.aybdb.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.UUID;
import org.aybdb.application.AybException;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryEngine;
import org.aybdb.application.port.HostedFiles;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.database.VersionFiles;

/**
 * Consistent copies of a database for export and fork, made the way snapshots make theirs: the
 * database's own sandboxed daemon runs {@code VACUUM INTO} a file of its version folder, which is
 * then moved to where it is wanted. Copies exclude snapshots, restores and imports of the same
 * database, so the version folder cannot be switched away meanwhile.
 */
@ApplicationScoped
public class DatabaseCopies {

  /** What a copy's scratch name says it is for, while it is still in the version folder. */
  static final String COPY_PURPOSE = "copy";

  /** Export copies older than this were left by a crash. */
  static final java.time.Duration STALE_EXPORT = java.time.Duration.ofDays(1);

  @Inject AybConfiguration configuration;
  @Inject Snapshotter snapshotter;
  @Inject HostedFiles files;

  /**
   * Copies {@code source} to {@code target} (a path on the data volume that does not exist yet). A
   * database never written is first created empty, as a reader's query would.
   */
  public void copy(DatabaseRef source, Path target) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    QueryEngine engine = snapshotter.engine();
    snapshotter.exclusively(
        source,
        "copy",
        () -> {
          Path version =
              files
                  .currentVersion(source.entity(), source.database())
                  .orElseThrow(() -> AybException.recordNotFound(source.path(), "database"));
          if (!Files.isRegularFile(version.resolve(source.database()))) {
            engine.execute(source, AccessMode.READ_ONLY, "SELECT 1");
          }
          // Under the lock no other copy of this database runs: any found was left by a crash.
          removeLeftCopies(version, source.database());
          String name = VersionFiles.scratchName(COPY_PURPOSE);
          Path copy = version.resolve(name);
          try {
            engine.copyInto(source, name);
            Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the copy of " + source.path(), e);
          } finally {
            deleteQuietly(copy);
            deleteQuietly(version.resolve(name + "-journal"));
          }
          return null;
        });
  }

  /**
   * A new, empty scratch folder on the data volume, for one export. Folders a crash left behind (a
   * day old: no download takes that long) are removed on the way.
   */
  public Path exportFolder() {
    Path exports = files.dataPath().toAbsolutePath().resolve("exports");
    removeStale(exports);
    try {
      return Files.createDirectories(exports.resolve(UUID.randomUUID().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create an export folder", e);
    }
  }

  private static void removeLeftCopies(Path version, String slug) {
    try (java.util.stream.Stream<Path> files = Files.list(version)) {
      files
          .filter(
              file -> VersionFiles.isScratchFor(COPY_PURPOSE, file.getFileName().toString(), slug))
          .forEach(DatabaseCopies::deleteQuietly);
    } catch (IOException e) {
      java.util.logging.Logger.getLogger(DatabaseCopies.class.getName())
          .warning(() -> "Cannot list " + version + ": " + e);
    }
  }

  private static void removeStale(Path exports) {
    if (!Files.isDirectory(exports)) {
      return;
    }
    java.time.Instant limit = java.time.Instant.now().minus(STALE_EXPORT);
    try (java.util.stream.Stream<Path> folders = Files.list(exports)) {
      for (Path folder : folders.toList()) {
        if (Files.getLastModifiedTime(folder).toInstant().isBefore(limit)) {
          Snapshotter.deleteTree(folder);
        }
      }
    } catch (IOException e) {
      java.util.logging.Logger.getLogger(DatabaseCopies.class.getName())
          .warning(() -> "Cannot list " + exports + ": " + e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      java.util.logging.Logger.getLogger(DatabaseCopies.class.getName())
          .warning(() -> "Cannot delete " + file + ": " + e);
    }
  }
}
