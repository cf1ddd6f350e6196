package org.aybdb.infrastructure.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Objects;

/**
 * Encodes characters as UTF-8 straight into an output stream, as {@code OutputStreamWriter} does (a
 * lone surrogate becomes {@code ?}), without its 8 KiB buffer and charset encoder: a small JSON
 * answer is written by one of these per request. Nothing is buffered, so {@link #flush} only passes
 * the call on.
 */
public final class Utf8Writer extends Writer {

  private final OutputStream out;
  private final byte[] bytes = new byte[256];

  /** A high surrogate waiting for its low half, or 0. */
  private char pendingHigh;

  public Utf8Writer(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  // write(int) and write(String, ...) are Writer's own, which pass the characters on to this.
  @Override
  public void write(char[] text, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, text.length);
    int n = 0;
    for (int i = off; i < off + len; i++) {
      if (n > bytes.length - 4) {
        out.write(bytes, 0, n);
        n = 0;
      }
      n = put(text[i], n);
    }
    if (n > 0) {
      out.write(bytes, 0, n);
    }
  }

  /** Encodes {@code c} at {@code bytes[n]}; returns the new length. */
  private int put(char c, int n) {
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int code = Character.toCodePoint(high, c);
        bytes[n++] = (byte) (0xF0 | code >> 18);
        bytes[n++] = (byte) (0x80 | code >> 12 & 0x3F);
        bytes[n++] = (byte) (0x80 | code >> 6 & 0x3F);
        bytes[n++] = (byte) (0x80 | code & 0x3F);
        return n;
      }
      bytes[n++] = '?';
    }
    if (c < 0x80) {
      bytes[n++] = (byte) c;
    } else if (c < 0x800) {
      bytes[n++] = (byte) (0xC0 | c >> 6);
      bytes[n++] = (byte) (0x80 | c & 0x3F);
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      bytes[n++] = '?';
    } else {
      bytes[n++] = (byte) (0xE0 | c >> 12);
      bytes[n++] = (byte) (0x80 | c >> 6 & 0x3F);
      bytes[n++] = (byte) (0x80 | c & 0x3F);
    }
    return n;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Writes a high surrogate left without its low half as {@code ?}, then closes the stream. */
  @Override
  public void close() throws IOException {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      out.write('?');
    }
    out.close();
  }
}
