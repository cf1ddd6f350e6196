package org.aybdb.application.fakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aybdb.application.port.HostedFiles;

/**
 * {@link HostedFiles} in a plain folder (a test's temporary directory): each version is a
 * sub-folder, the current one remembered in memory rather than by a symbolic link.
 */
public final class FolderFiles implements HostedFiles {

  private final Path root;
  private final Map<String, Path> current = new HashMap<>();

  public FolderFiles(Path root) {
    this.root = root;
  }

  @Override
  public Path dataPath() {
    return root;
  }

  @Override
  public Path newVersion(String entity, String database) {
    try {
      return Files.createDirectories(
          root.resolve(entity).resolve(database).resolve(UUID.randomUUID().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<Path> switchTo(String entity, String database, Path version) {
    return Optional.ofNullable(current.put(entity + "/" + database, version));
  }

  @Override
  public Optional<Path> currentVersion(String entity, String database) {
    return Optional.ofNullable(current.get(entity + "/" + database));
  }

  @Override
  public void deleteVersion(String entity, String database, Path version) {
    try (var files = Files.walk(version)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long bytes(String entity, String database) {
    return fileBytes(entity, database);
  }

  @Override
  public long entityBytes(String entity) {
    return current.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(entity + "/"))
        .mapToLong(entry -> fileBytes(entity, entry.getKey().substring(entity.length() + 1)))
        .sum();
  }

  @Override
  public long fileBytes(String entity, String database) {
    return currentVersion(entity, database)
        .map(version -> version.resolve(database))
        .filter(Files::isRegularFile)
        .map(
            file -> {
              try {
                return Files.size(file);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .orElse(0L);
  }
}
