package org.aybdb.infrastructure.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFilesTest {

  @TempDir Path temp;

  @Test
  void blake3MatchesTheReferenceVectors() throws IOException {
    Path empty = Files.write(temp.resolve("empty"), new byte[0]);
    Path abc = Files.writeString(temp.resolve("abc"), "abc", StandardCharsets.US_ASCII);
    assertEquals(
        "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        SnapshotFiles.blake3Hex(empty));
    assertEquals(
        "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85",
        SnapshotFiles.blake3Hex(abc));
  }

  @Test
  void compressionRoundTripsAndTheDecompressedHashIsTheOriginalsId() throws IOException {
    // 5 MB: several buffers and zstd blocks; half random, half repetitive.
    byte[] content = new byte[5 * 1024 * 1024 + 17];
    new Random(7).nextBytes(content);
    Arrays.fill(content, content.length / 2, content.length, (byte) 'x');
    Path original = Files.write(temp.resolve("db"), content);
    Path compressed = temp.resolve("db.zst");

    SnapshotFiles.compress(original, compressed);
    byte[] packed = Files.readAllBytes(compressed);
    assertArrayEquals(
        new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, Arrays.copyOf(packed, 4), "zstd magic");
    assertTrue(packed.length < content.length * 0.6, "the repetitive half compresses away");

    Path restored = temp.resolve("restored");
    String hash;
    try (InputStream in = Files.newInputStream(compressed)) {
      hash = SnapshotFiles.decompress(in, restored);
    }
    assertArrayEquals(content, Files.readAllBytes(restored));
    assertEquals(SnapshotFiles.blake3Hex(original), hash);
  }

  @Test
  void garbageIsNotDecompressed() {
    byte[] garbage = "not a zstd frame at all".getBytes(StandardCharsets.US_ASCII);
    assertThrows(
        IOException.class,
        () -> SnapshotFiles.decompress(new ByteArrayInputStream(garbage), temp.resolve("out")));
  }

  @Test
  void existingTargetsAreNeverOverwritten() throws IOException {
    Path source = Files.writeString(temp.resolve("source"), "data");
    Path target = Files.writeString(temp.resolve("target"), "keep me");
    assertThrows(UncheckedIOException.class, () -> SnapshotFiles.compress(source, target));
    assertEquals("keep me", Files.readString(target));
  }
}
