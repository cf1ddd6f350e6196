package org.aybdb.application.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.aybdb.application.port.SnapshotArchiver;

/**
 * {@link SnapshotArchiver} that stores files as they are, named by their SHA-256 (64 hex digits,
 * the shape of a snapshot id); an archive starting with {@code BROKEN} is damaged.
 */
public final class PlainArchiver implements SnapshotArchiver {

  @Override
  public String hash(Path file) {
    try {
      return sha256(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void compress(Path source, Path target) {
    try {
      Files.copy(source, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String decompress(InputStream compressed, Path target) throws IOException {
    byte[] bytes = compressed.readAllBytes();
    if (new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("BROKEN")) {
      throw new DamagedArchiveException("it is not a valid archive");
    }
    Files.write(target, bytes);
    return sha256(bytes);
  }

  /** The id of a snapshot of these bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
