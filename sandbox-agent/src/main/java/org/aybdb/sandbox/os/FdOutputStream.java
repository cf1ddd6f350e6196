package org.aybdb.sandbox.os;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.OutputStream;

/** An unbuffered stream over a raw file descriptor, written with {@code write(2)}. */
public final class FdOutputStream extends OutputStream {

  /** Binds only {@code write}: the daemon needs nothing else from libc, and binding costs. */
  private static final class Write {
    static {
      Native.register(Write.class, NativeLibrary.getInstance("libc.so.6"));
    }

    static native long write(int fd, byte[] buffer, long count);
  }

  private static final int EINTR = 4;
  private final int fd;
  private byte[] scratch = new byte[0];

  public FdOutputStream(int fd) {
    this.fd = fd;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      byte[] chunk = b;
      if (off != 0) {
        if (scratch.length < len) {
          scratch = new byte[len];
        }
        System.arraycopy(b, off, scratch, 0, len);
        chunk = scratch;
      }
      long n = Write.write(fd, chunk, len);
      if (n < 0) {
        int errno = Native.getLastError();
        if (errno == EINTR) {
          continue;
        }
        throw new IOException("write(fd " + fd + ") failed: errno " + errno);
      }
      off += (int) n;
      len -= (int) n;
    }
  }
}
