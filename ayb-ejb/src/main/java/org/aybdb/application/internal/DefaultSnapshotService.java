package org.aybdb.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import org.aybdb.application.AccessPolicy;
import org.aybdb.application.AuthorizedDatabase;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.ErrorType;
import org.aybdb.application.SnapshotService;
import org.aybdb.application.port.SnapshotStorageSource;
import org.aybdb.domain.model.snapshot.Snapshot;
import org.aybdb.domain.model.snapshot.SnapshotStorage;

/**
 * {@link SnapshotService}: the policy's manage check ("can't manage snapshots on"), then the
 * storage. Unlike ayb, a server without {@code [snapshots]} says so instead of listing nothing and
 * pretending to restore.
 */
@Stateless
// S3 transfers can take long: no metadata transaction is held across them.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultSnapshotService implements SnapshotService {

  static final String NOT_CONFIGURED =
      "Snapshots are not configured on this server: its configuration has no [snapshots] section";

  @Inject AccessPolicy access;
  @Inject SnapshotStorageSource storages;
  @Inject Snapshotter snapshotter;

  @Override
  public List<Snapshot> list(Caller caller, String entity, String database) {
    AuthorizedDatabase found =
        access.manage(caller, entity, database, AccessPolicy.MANAGE_SNAPSHOTS);
    return storage().list(found.database().owner().slug(), found.database().slug());
  }

  @Override
  public void restore(Caller caller, String entity, String database, String snapshotId) {
    Objects.requireNonNull(snapshotId, "snapshotId");
    AuthorizedDatabase found =
        access.manage(caller, entity, database, AccessPolicy.MANAGE_SNAPSHOTS);
    snapshotter.restore(found.ref(), storage(), snapshotId.strip());
  }

  private SnapshotStorage storage() {
    return storages
        .storage()
        .orElseThrow(
            () ->
                new AybException(
                    ErrorType.SnapshotError, AybException.Kind.NOT_SUPPORTED, NOT_CONFIGURED));
  }
}
