package org.aybdb.infrastructure.grizzly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;

/**
 * A Grizzly filter just below the HTTP codec that gives the codec's own error answers ayb's JSON
 * body. The codec refuses a request line or headers it cannot parse (a space in the target, {@code
 * G E T}, no {@code Host} in HTTP/1.1, oversized headers) with an empty 400 or 505 and closes the
 * connection before any other filter sees the request; this filter sees the encoded answer on its
 * way out and rewrites it: a body-less 4xx/5xx header block, which no other answer of ayb's is.
 */
public final class CodecErrorFilter extends BaseFilter {

  private static final Logger LOG = Logger.getLogger(CodecErrorFilter.class.getName());

  private static final String EMPTY = "\r\nContent-Length: 0\r\n";

  private final byte[] body =
      ErrorAnswers.body(
          "The request line or its headers are malformed (a space or control character in the"
              + " target, an unknown HTTP version, or a missing Host header)");

  @Override
  public NextAction handleWrite(FilterChainContext ctx) throws IOException {
    if (Retirement.retired()) {
      return ctx.getInvokeAction();
    }
    if (!(ctx.getMessage() instanceof Buffer buffer) || !codecError(buffer)) {
      return ctx.getInvokeAction();
    }
    String head = buffer.toStringContent(StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(head.substring(9, 12));
    // An unknown version is almost always a target with a space in it: the client's mistake.
    int answer = status == 505 ? 400 : status;
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("Refused a request the HTTP parser rejected (" + status + ")");
    }
    String headers =
        "HTTP/1.1 "
            + answer
            + (answer == 400 ? " Bad Request" : head.substring(12, head.indexOf('\r')))
            + head.substring(head.indexOf('\r'), head.indexOf(EMPTY))
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n"
            + head.substring(head.indexOf(EMPTY) + EMPTY.length());
    byte[] start = headers.getBytes(StandardCharsets.ISO_8859_1);
    byte[] whole = new byte[start.length + body.length];
    System.arraycopy(start, 0, whole, 0, start.length);
    System.arraycopy(body, 0, whole, start.length, body.length);
    buffer.tryDispose();
    ctx.setMessage(Buffers.wrap(ctx.getMemoryManager(), whole));
    return ctx.getInvokeAction();
  }

  /** Whether {@code buffer} is exactly a body-less HTTP/1.x 4xx or 5xx answer. */
  static boolean codecError(Buffer buffer) {
    int at = buffer.position();
    int length = buffer.remaining();
    if (length < 16 || length > 4096 || buffer.get(at) != 'H' || buffer.get(at + 8) != ' ') {
      return false;
    }
    byte first = buffer.get(at + 9);
    if (first != '4' && first != '5') {
      return false;
    }
    String head = buffer.toStringContent(StandardCharsets.ISO_8859_1);
    return head.startsWith("HTTP/1.")
        && head.endsWith("\r\n\r\n")
        && head.indexOf("\r\n\r\n") == head.length() - 4
        && head.contains(EMPTY);
  }
}
