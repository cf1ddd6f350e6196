package org.aybdb.sandbox.os;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An unbuffered stream over a raw file descriptor, written with {@code write(2)} from a native
 * buffer of its own.
 *
 * <p>Why not hand {@code write} the caller's array: JNA passes a Java array to a native function by
 * copying the whole array in and back out again, whatever the count. The daemon's answers come from
 * a 64 KiB {@code BufferedOutputStream}, so a 40-byte answer cost two 64 KiB copies (a tenth of the
 * daemon's CPU time per point query, measured with perf). Copying just the bytes to send into a
 * native buffer and passing its address copies only those.
 */
public final class FdOutputStream extends OutputStream {

  /** Binds only {@code write}: the daemon needs nothing else from libc, and binding costs. */
  private static final class Write {
    static {
      Native.register(Write.class, NativeLibrary.getInstance("libc.so.6"));
    }

    // The buffer as an address (a C pointer is a 64-bit integer on the platforms the daemon runs
    // on): no Pointer object to read the address from per call.
    static native long write(int fd, long buffer, long count);
  }

  /** The native buffer's size: larger writes go out in pieces of this size. */
  static final int CHUNK = 64 << 10;

  private static final int EINTR = 4;
  private final int fd;
  private Memory buffer; // allocated at the first write

  public FdOutputStream(int fd) {
    this.fd = fd;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return;
    }
    if (buffer == null) {
      buffer = new Memory(CHUNK);
    }
    long address = Pointer.nativeValue(buffer);
    while (len > 0) {
      int piece = Math.min(len, CHUNK);
      buffer.write(0, b, off, piece);
      int sent = 0;
      while (sent < piece) {
        long n = Write.write(fd, address + sent, piece - sent);
        if (n < 0) {
          int errno = Native.getLastError();
          if (errno == EINTR) {
            continue;
          }
          throw new IOException("write(fd " + fd + ") failed: errno " + errno);
        }
        sent += (int) n;
      }
      off += piece;
      len -= piece;
    }
  }
}
