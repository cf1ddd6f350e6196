package org.aybdb.sandbox.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's answer channel writes exactly the bytes asked for, from any offset, any length. */
class FdOutputStreamTest {

  @Test
  void writesSlicesSmallAndLargerThanItsBufferInOrder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("channel");
    byte[] big = new byte[3 * FdOutputStream.CHUNK + 123];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + 7);
    }
    byte[] expected;
    try (FileOutputStream target = new FileOutputStream(file.toFile())) {
      FdOutputStream out = new FdOutputStream(descriptorOf(file));
      out.write(big, 5, 40); // a point query's answer: a slice not at the array's start
      out.write('x');
      out.write(big, 1, big.length - 1); // more than one native buffer's worth
      out.write(big, 0, 0);
      expected =
          concat(
              Arrays.copyOfRange(big, 5, 45),
              new byte[] {'x'},
              Arrays.copyOfRange(big, 1, big.length));
    }
    assertArrayEquals(expected, Files.readAllBytes(file));
  }

  @Test
  void refusesASliceOutsideTheArray(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("channel");
    try (FileOutputStream target = new FileOutputStream(file.toFile())) {
      FdOutputStream out = new FdOutputStream(descriptorOf(file));
      assertThrows(IndexOutOfBoundsException.class, () -> out.write(new byte[10], 8, 3));
    }
    assertArrayEquals(new byte[0], Files.readAllBytes(file));
  }

  /** The descriptor this process has open on {@code file} (Linux: through /proc/self/fd). */
  private static int descriptorOf(Path file) throws IOException {
    Path real = file.toRealPath();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          if (Files.readSymbolicLink(fd).equals(real)) {
            return Integer.parseInt(fd.getFileName().toString());
          }
        } catch (IOException e) {
          // a descriptor closed meanwhile (the listing's own)
        }
      }
    }
    throw new IllegalStateException("no descriptor open on " + real);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
