package org.aybdb.infrastructure.resources;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A response whose body is kept in memory, and whose length the wrapped code may not set: the
 * {@link GzipResourceFilter} sends the body (compressed or not) with the length it has.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
  private ServletOutputStream stream;
  private PrintWriter writer;
  private boolean lengthSet;

  BufferedResponse(HttpServletResponse response) {
    super(Objects.requireNonNull(response, "response"));
  }

  byte[] body() {
    if (writer != null) {
      writer.flush();
    }
    return buffer.toByteArray();
  }

  /** Whether the wrapped code announced a length (e.g. 0 for an empty resource). */
  boolean lengthSet() {
    return lengthSet;
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (stream == null) {
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              buffer.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
              buffer.write(bytes, offset, length);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              throw new UnsupportedOperationException("buffered response");
            }
          };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer =
          new PrintWriter(
              new OutputStreamWriter(buffer, Charset.forName(getCharacterEncoding())), false);
    }
    return writer;
  }

  @Override
  public void setContentLength(int length) {
    lengthSet = true;
  }

  @Override
  public void setContentLengthLong(long length) {
    lengthSet = true;
  }

  @Override
  public void setHeader(String name, String value) {
    if (!"Content-Length".equalsIgnoreCase(name)) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!"Content-Length".equalsIgnoreCase(name)) {
      super.addHeader(name, value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    if (!"Content-Length".equalsIgnoreCase(name)) {
      super.setIntHeader(name, value);
    }
  }

  @Override
  public void addIntHeader(String name, int value) {
    if (!"Content-Length".equalsIgnoreCase(name)) {
      super.addIntHeader(name, value);
    }
  }

  @Override
  public void resetBuffer() {
    super.resetBuffer();
    buffer.reset();
  }

  @Override
  public void reset() {
    super.reset();
    buffer.reset();
  }

  @Override
  public void flushBuffer() {
    // Nothing is sent before the filter has the whole body.
  }
}
