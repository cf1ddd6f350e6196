package org.aybdb.infrastructure.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.aybdb.application.port.HostedFiles;
import org.aybdb.config.AybConfiguration;

/** {@link HostedFiles} in the configured {@code data_path}: {@link DatabaseDirectories}. */
@ApplicationScoped
public class DataVolumeFiles implements HostedFiles {

  @Inject AybConfiguration configuration;

  // One per data path, so that its cache of resolved `current` links serves every caller (the
  // quota's measurement of an owner's storage reads every database's link on each write).
  private volatile Sharing shared;

  private record Sharing(Path dataPath, DatabaseDirectories directories) {}

  @Override
  public Path dataPath() {
    return configuration.dataPath();
  }

  @Override
  public Path newVersion(String entity, String database) {
    return directories().newVersion(entity, database);
  }

  @Override
  public Optional<Path> switchTo(String entity, String database, Path version) {
    return directories().switchTo(entity, database, version);
  }

  @Override
  public Optional<Path> currentVersion(String entity, String database) {
    return directories().currentVersion(entity, database);
  }

  @Override
  public void deleteVersion(String entity, String database, Path version) {
    directories().deleteVersion(entity, database, version);
  }

  @Override
  public long bytes(String entity, String database) {
    return usage().bytes(entity, database);
  }

  @Override
  public long entityBytes(String entity) {
    return usage().entityBytes(entity);
  }

  @Override
  public long fileBytes(String entity, String database) {
    return usage().fileBytes(entity, database);
  }

  private DatabaseDirectories directories() {
    Path dataPath = configuration.dataPath();
    Sharing current = shared;
    if (current == null || !current.dataPath().equals(dataPath)) {
      current = new Sharing(dataPath, new DatabaseDirectories(dataPath));
      shared = current;
    }
    return current.directories();
  }

  private StorageUsage usage() {
    return new StorageUsage(directories());
  }
}
