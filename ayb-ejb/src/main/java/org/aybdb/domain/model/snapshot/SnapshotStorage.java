package org.aybdb.domain.model.snapshot;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where snapshots are kept, per hosted database ({@code entity/database}). Implementations report
 * an unreachable store as ayb's {@code S3ConnectionError} and a store that refuses a request as
 * {@code S3ExecutionError} (both {@link org.aybdb.application.AybException}s).
 */
public interface SnapshotStorage {

  /** The database's snapshots, newest first. */
  List<Snapshot> list(String entity, String database);

  /** Stores the zstd-compressed file {@code compressed} as snapshot {@code id}. */
  void upload(String entity, String database, String id, Path compressed);

  /**
   * Streams the compressed content of snapshot {@code id} to {@code reader}.
   *
   * @throws org.aybdb.application.AybException SnapshotDoesNotExistError (404) for an unknown id
   */
  void download(String entity, String database, String id, Consumer<InputStream> reader);

  /** Deletes the given snapshots of the database. */
  void delete(String entity, String database, List<String> ids);

  /** Where snapshots go, for messages (no credentials). */
  String describe();
}
