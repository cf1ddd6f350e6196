package org.aybdb.infrastructure.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.aybdb.domain.model.database.VersionFiles;

/**
 * Bytes a hosted database takes: every regular file in its current version folder (the database,
 * its journal or WAL) except the server's scratch copies ({@link VersionFiles#isScratch}: a
 * snapshot's or an export's {@code VACUUM INTO} copy while it is taken). Older versions awaiting
 * deletion and snapshot scratch files (kept elsewhere) are the server's too, not the tenant's.
 */
public final class StorageUsage {

  private final DatabaseDirectories directories;

  public StorageUsage(DatabaseDirectories directories) {
    this.directories = Objects.requireNonNull(directories, "directories");
  }

  /** The bytes of {@code entity/database}'s current version (0 when it has none). */
  public long bytes(String entity, String database) {
    Optional<Path> version = directories.currentVersion(entity, database);
    if (version.isEmpty()) {
      return 0;
    }
    try (Stream<Path> files = Files.list(version.get())) {
      return files
          .filter(file -> !VersionFiles.isScratch(file.getFileName().toString(), database))
          .mapToLong(StorageUsage::size)
          .sum();
    } catch (NoSuchFileException e) {
      return 0; // switched away meanwhile
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot measure " + entity + "/" + database, e);
    }
  }

  /**
   * The bytes of every database of {@code entity} found on disk (each database folder's current
   * version), read from the file system alone: the hot path of a write needs no metadata lookup.
   */
  public long entityBytes(String entity) {
    Path folder = directories.entityFolder(entity);
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> databases = Files.list(folder)) {
      return databases
          .filter(Files::isDirectory)
          .map(database -> database.getFileName().toString())
          .mapToLong(database -> bytes(entity, database))
          .sum();
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot measure the databases of " + entity, e);
    }
  }

  /** The size of the database file itself (0 before its first write). */
  public long fileBytes(String entity, String database) {
    return directories.currentFile(entity, database).map(StorageUsage::size).orElse(0L);
  }

  private static long size(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0; // removed meanwhile (a journal at commit)
    }
  }
}
