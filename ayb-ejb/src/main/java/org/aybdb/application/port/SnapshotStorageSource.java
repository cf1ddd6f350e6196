package org.aybdb.application.port;

import java.util.Optional;
import org.aybdb.domain.model.snapshot.SnapshotStorage;

/** Where snapshots go, if the server was configured with a snapshot storage. */
public interface SnapshotStorageSource {

  /** The configured storage, or empty when snapshots are not configured. */
  Optional<SnapshotStorage> storage();
}
