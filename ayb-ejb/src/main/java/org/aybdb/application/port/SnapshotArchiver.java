package org.aybdb.application.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The file work of snapshots: a content hash that names a snapshot, and the compressed form that is
 * uploaded.
 */
public interface SnapshotArchiver {

  /** The content that could not be decompressed: the snapshot is damaged, not unreachable. */
  final class DamagedArchiveException extends IOException {
    private static final long serialVersionUID = 1L;

    public DamagedArchiveException(String message) {
      super(message);
    }
  }

  /** The content hash of {@code file}, which is the id of its snapshot. */
  String hash(Path file);

  /** Compresses {@code source} into {@code target}. */
  void compress(Path source, Path target);

  /**
   * Decompresses {@code compressed} into {@code target}.
   *
   * @return the content hash of what was written
   * @throws DamagedArchiveException if the stream is not a valid archive
   * @throws IOException if reading the stream failed
   */
  String decompress(InputStream compressed, Path target) throws IOException;
}
