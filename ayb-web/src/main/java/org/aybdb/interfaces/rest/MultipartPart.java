package org.aybdb.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One named part of a {@code multipart/form-data} body, read as it arrives: nothing is buffered
 * beyond a window the size of the read buffer, so whoever reads the part can stop at a size limit
 * without the rest of the upload having been stored anywhere.
 */
public final class MultipartPart extends InputStream {

  private static final Pattern BOUNDARY =
      Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
  private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
  private static final int MAX_HEADER_BYTES = 16 << 10;

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buffer = new byte[64 << 10];
  private int start;
  private int end;
  private boolean eof;
  private boolean finished;

  private MultipartPart(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    // The first delimiter need not follow a line break: start as if one had been read.
    buffer[0] = '\r';
    buffer[1] = '\n';
    end = 2;
  }

  /** The boundary of a {@code multipart/form-data} content type, if it is one. */
  public static Optional<String> boundary(String contentType) {
    if (contentType == null
        || !contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    Matcher m = BOUNDARY.matcher(contentType);
    return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
  }

  /**
   * The content of the first part named {@code name} in {@code body}, positioned at its first byte;
   * empty when the body has no such part.
   *
   * @throws IOException the body is not well-formed multipart
   */
  public static Optional<InputStream> find(InputStream body, String boundary, String name)
      throws IOException {
    Objects.requireNonNull(name, "name");
    MultipartPart part = new MultipartPart(Objects.requireNonNull(body, "body"), boundary);
    while (part.nextPart()) {
      String headers = part.readHeaders();
      Matcher m = NAME.matcher(headers);
      if (m.find() && m.group(1).equals(name)) {
        return Optional.of(part);
      }
      part.skipContent();
    }
    return Optional.empty();
  }

  /** Consumes up to and including the next delimiter; false at the closing one or the end. */
  private boolean nextPart() throws IOException {
    if (!finished) {
      skipContent();
    }
    finished = false;
    if (!ensure(2)) {
      return false;
    }
    if (buffer[start] == '-' && buffer[start + 1] == '-') {
      return false; // the closing delimiter
    }
    // Transport padding, then the line break before the part's headers.
    while (ensure(1) && (buffer[start] == ' ' || buffer[start] == '\t')) {
      start++;
    }
    if (!ensure(2) || buffer[start] != '\r' || buffer[start + 1] != '\n') {
      throw new IOException("malformed multipart body: no line break after a boundary");
    }
    start += 2;
    return true;
  }

  private String readHeaders() throws IOException {
    StringBuilder headers = new StringBuilder();
    while (true) {
      if (!ensure(4)) {
        throw new IOException("malformed multipart body: a part's headers never end");
      }
      if (buffer[start] == '\r'
          && buffer[start + 1] == '\n'
          && (headers.length() == 0 || headers.charAt(headers.length() - 1) == '\n')) {
        start += 2;
        return headers.toString();
      }
      headers.append((char) (buffer[start++] & 0xff));
      if (headers.length() > MAX_HEADER_BYTES) {
        throw new IOException("malformed multipart body: a part's headers are too long");
      }
    }
  }

  private void skipContent() throws IOException {
    byte[] scratch = new byte[8192];
    while (read(scratch, 0, scratch.length) >= 0) {
      // discarded
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (finished) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    ensure(delimiter.length + 1);
    int at = indexOfDelimiter();
    int available;
    if (at == start) {
      start += delimiter.length;
      finished = true;
      return -1;
    } else if (at >= 0) {
      available = at - start;
    } else if (eof) {
      throw new IOException("malformed multipart body: it ends inside a part");
    } else {
      available = end - start - (delimiter.length - 1);
    }
    int n = Math.min(len, available);
    System.arraycopy(buffer, start, b, off, n);
    start += n;
    return n;
  }

  /** The index of the delimiter in the buffered bytes, or -1. */
  private int indexOfDelimiter() {
    outer:
    for (int i = start; i <= end - delimiter.length; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buffer[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Buffers at least {@code count} bytes unless the body ends first; whether it has them. */
  private boolean ensure(int count) throws IOException {
    if (end - start >= count) {
      return true;
    }
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    while (end < buffer.length && end - start < count && !eof) {
      int n = in.read(buffer, end, buffer.length - end);
      if (n < 0) {
        eof = true;
      } else {
        end += n;
      }
    }
    return end - start >= count;
  }
}
