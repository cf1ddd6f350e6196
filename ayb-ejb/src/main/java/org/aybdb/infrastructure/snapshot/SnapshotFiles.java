package org.aybdb.infrastructure.snapshot;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.digests.Blake3Digest;

/**
 * The byte work of snapshots, all streaming (a database is never held in memory): BLAKE3 ids, zstd
 * compression at ayb's level 3, and decompression that hashes what it writes so a restore can prove
 * it got exactly the snapshot it asked for. None of it opens a database: these are plain files.
 */
public final class SnapshotFiles {

  /** zstd's default level, which ayb uses too. */
  public static final int ZSTD_LEVEL = 3;

  private static final int BUFFER = 1 << 20;

  private SnapshotFiles() {}

  /** The lowercase hex BLAKE3 hash (256 bits) of the file's bytes: a snapshot id. */
  public static String blake3Hex(Path file) {
    Objects.requireNonNull(file, "file");
    Blake3Digest digest = new Blake3Digest();
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return hex(digest);
  }

  /** Writes {@code source} zstd-compressed to {@code target}, which must not exist. */
  public static void compress(Path source, Path target) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    try (InputStream in = Files.newInputStream(source);
        OutputStream out =
            new ZstdOutputStream(
                Files.newOutputStream(target, StandardOpenOption.CREATE_NEW), ZSTD_LEVEL)) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot compress " + source, e);
    }
  }

  /**
   * Decompresses a zstd stream into {@code target} (which must not exist) and answers the BLAKE3
   * hash of the bytes written.
   *
   * @throws IOException when the stream is not valid zstd or cannot be read or written
   */
  public static String decompress(InputStream compressed, Path target) throws IOException {
    Objects.requireNonNull(compressed, "compressed");
    Objects.requireNonNull(target, "target");
    Blake3Digest digest = new Blake3Digest();
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = new ZstdInputStream(compressed);
        OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    }
    return hex(digest);
  }

  private static String hex(Blake3Digest digest) {
    byte[] hash = new byte[digest.getDigestSize()];
    digest.doFinal(hash, 0);
    return HexFormat.of().formatHex(hash);
  }
}
