package org.aybdb.infrastructure.snapshot;

import com.github.luben.zstd.ZstdIOException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.aybdb.application.port.SnapshotArchiver;

/** {@link SnapshotArchiver} with {@link SnapshotFiles}: BLAKE3 ids and zstd level 3. */
@ApplicationScoped
public class ZstdSnapshotArchiver implements SnapshotArchiver {

  @Override
  public String hash(Path file) {
    return SnapshotFiles.blake3Hex(file);
  }

  @Override
  public void compress(Path source, Path target) {
    SnapshotFiles.compress(source, target);
  }

  @Override
  public String decompress(InputStream compressed, Path target) throws IOException {
    try {
      return SnapshotFiles.decompress(compressed, target);
    } catch (ZstdIOException e) {
      throw new DamagedArchiveException("it is not valid zstd (" + e.getMessage() + ")");
    }
  }
}
