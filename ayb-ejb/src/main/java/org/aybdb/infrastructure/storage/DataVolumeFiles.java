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

  // Built per call from the configuration, as its callers did before: the objects are two fields.
  private DatabaseDirectories directories() {
    return new DatabaseDirectories(configuration.dataPath());
  }

  private StorageUsage usage() {
    return new StorageUsage(directories());
  }
}
