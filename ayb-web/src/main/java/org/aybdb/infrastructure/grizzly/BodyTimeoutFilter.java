package org.aybdb.infrastructure.grizzly;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;

/**
 * A Grizzly filter that gives a request's body {@code [http] body_timeout} to arrive, counted from
 * the request's head, plus the time its bytes so far take at {@code [http] min_body_rate}: a large
 * import over a slow link keeps going as long as it keeps up that rate. The servlet thread reading
 * a body waits in Grizzly's blocking read, which gives up after the connection's read timeout; this
 * filter sets that timeout, on the head and on each piece of body, to what is left of the request's
 * allowance, so a body trickling in byte by byte below the rate is cut off as surely as one that
 * stalls. The application answers the failed read with 408.
 */
public final class BodyTimeoutFilter extends BaseFilter {

  private static final Attribute<Long> DEADLINE =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
          BodyTimeoutFilter.class.getName() + ".deadline");
  private static final Attribute<HttpRequestPacket> REQUEST =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
          BodyTimeoutFilter.class.getName() + ".request");

  private final long timeoutNanos;
  private final long minBytesPerSecond;

  /**
   * @param timeout the allowance of every body
   * @param minBytesPerSecond the rate whose bytes extend it (0: none)
   */
  public BodyTimeoutFilter(Duration timeout, long minBytesPerSecond) {
    this.timeoutNanos = Objects.requireNonNull(timeout, "timeout").toNanos();
    this.minBytesPerSecond = minBytesPerSecond;
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (Retirement.retired()) {
      return ctx.getInvokeAction();
    }
    if (!(ctx.getMessage() instanceof HttpContent content)
        || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
      return ctx.getInvokeAction();
    }
    Connection<?> connection = ctx.getConnection();
    long now = System.nanoTime();
    if (content.isLast()) {
      REQUEST.remove(connection); // the whole body is in: nothing more to wait for
      connection.setReadTimeout(
          connection.getTransport().getReadTimeout(TimeUnit.MILLISECONDS), TimeUnit.MILLISECONDS);
      return ctx.getInvokeAction();
    }
    // Grizzly recycles request objects, so "another object" is not the only sign of a new one:
    // the previous request's end (its last body piece or its answer) is noted too.
    if (REQUEST.get(connection) != request) {
      REQUEST.set(connection, request);
      DEADLINE.set(connection, now + timeoutNanos);
    }
    if (minBytesPerSecond > 0 && content.getContent() != null) {
      DEADLINE.set(
          connection,
          DEADLINE.get(connection) + earned(content.getContent().remaining(), minBytesPerSecond));
    }
    // At least 1 ms: 0 would mean "wait forever" to the blocking read.
    long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(DEADLINE.get(connection) - now));
    connection.setReadTimeout(left, TimeUnit.MILLISECONDS);
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleWrite(FilterChainContext ctx) throws IOException {
    if (Retirement.retired()) {
      return ctx.getInvokeAction();
    }
    if (ctx.getMessage() instanceof HttpContent content
        && content.isLast()
        && content.getHttpHeader() instanceof HttpResponsePacket) {
      Connection<?> connection = ctx.getConnection();
      Long deadline = DEADLINE.get(connection);
      if (REQUEST.remove(connection) != null
          && deadline != null
          && System.nanoTime() - deadline >= 0) {
        // The body never arrived: close once the answer is out, or the container would wait
        // again (at its own, longer timeout) to skip the rest of the body before freeing the
        // thread.
        closeAfterWrite(ctx, connection);
      }
    }
    return ctx.getInvokeAction();
  }

  /** The time {@code bytes} take at {@code bytesPerSecond}, in nanoseconds. */
  static long earned(long bytes, long bytesPerSecond) {
    return (long) (bytes * (1e9 / bytesPerSecond));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void closeAfterWrite(FilterChainContext ctx, Connection<?> connection) {
    FilterChainContext.TransportContext transport = ctx.getTransportContext();
    CompletionHandler previous = transport.getCompletionHandler();
    transport.setCompletionHandler(
        new EmptyCompletionHandler<Object>() {
          @Override
          public void completed(Object result) {
            if (previous != null) {
              previous.completed(result);
            }
            connection.closeSilently();
          }

          @Override
          public void failed(Throwable throwable) {
            if (previous != null) {
              previous.failed(throwable);
            }
            connection.closeSilently();
          }
        });
  }
}
