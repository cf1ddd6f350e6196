package org.aybdb.infrastructure.snapshot;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.aybdb.application.port.SnapshotStorageSource;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.snapshot.SnapshotStorage;

/**
 * The server's snapshot storage, present when the configuration has {@code [snapshots]}: one S3
 * client for the process, built on first use and closed on shutdown.
 */
@ApplicationScoped
public class ConfiguredSnapshotStorage implements SnapshotStorageSource {

  @Inject AybConfiguration configuration;

  private S3SnapshotStorage storage;

  @Override
  public synchronized Optional<SnapshotStorage> storage() {
    if (storage == null && configuration.snapshots().isPresent()) {
      storage = new S3SnapshotStorage(configuration.snapshots().get());
    }
    return Optional.ofNullable(storage);
  }

  @PreDestroy
  synchronized void close() {
    if (storage != null) {
      storage.close();
      storage = null;
    }
  }
}
