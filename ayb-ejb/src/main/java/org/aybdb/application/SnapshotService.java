package org.aybdb.application;

import java.util.List;
import org.aybdb.domain.model.snapshot.Snapshot;

/**
 * Snapshots of one hosted database, for its owner and managers: list them and restore one. The
 * scheduled snapshot run makes them.
 *
 * <p>Refusals: RecordNotFound (404) and Other (403) from {@link AccessPolicy#manage}; SnapshotError
 * (501) when this server has no {@code [snapshots]} configuration; S3ConnectionError (503) when the
 * storage cannot be reached, S3ExecutionError (502) when it refuses.
 */
public interface SnapshotService {

  /** The database's snapshots, newest first. */
  List<Snapshot> list(Caller caller, String entity, String database);

  /**
   * Replaces the database's content with snapshot {@code snapshotId}. No query sees a half-restored
   * file: queries wait while the version is switched, then run on the restored file.
   *
   * @throws AybException SnapshotDoesNotExistError (404) for an id the database has no snapshot of
   */
  void restore(Caller caller, String entity, String database, String snapshotId);
}
