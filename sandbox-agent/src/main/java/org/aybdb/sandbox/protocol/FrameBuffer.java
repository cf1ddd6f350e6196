package org.aybdb.sandbox.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer holding one frame, length prefix included. */
final class FrameBuffer {
  private byte[] data;
  private int size;

  FrameBuffer(int capacity) {
    data = new byte[Math.max(capacity, 16)];
  }

  /** Starts a frame: room for the length, then the type and the id. */
  void begin(int type, long id) {
    size = 4;
    put(type);
    putLong(id);
  }

  int size() {
    return size;
  }

  void truncate(int newSize) {
    size = newSize;
  }

  private void ensure(int extra) {
    if (size + extra > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
    }
  }

  void put(int b) {
    ensure(1);
    data[size++] = (byte) b;
  }

  void putShort(int v) {
    if (v < 0 || v > 0xffff) {
      throw new IllegalArgumentException("value does not fit in 16 bits: " + v);
    }
    ensure(2);
    data[size++] = (byte) (v >>> 8);
    data[size++] = (byte) v;
  }

  void putInt(int v) {
    ensure(4);
    writeInt(size, v);
    size += 4;
  }

  void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  void putBytes(byte[] b) {
    putBytes(b, 0, b.length);
  }

  void putBytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, data, size, len);
    size += len;
  }

  void putString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putInt(b.length);
    putBytes(b);
  }

  void patchInt(int at, int v) {
    writeInt(at, v);
  }

  void patchLong(int at, long v) {
    writeInt(at, (int) (v >>> 32));
    writeInt(at + 4, (int) v);
  }

  private void writeInt(int at, int v) {
    data[at] = (byte) (v >>> 24);
    data[at + 1] = (byte) (v >>> 16);
    data[at + 2] = (byte) (v >>> 8);
    data[at + 3] = (byte) v;
  }

  /** Fills in the length prefix and writes the frame. */
  void writeTo(OutputStream out) throws IOException {
    writeInt(0, size - 4);
    out.write(data, 0, size);
  }
}
