package org.aybdb.infrastructure.grizzly;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;

/**
 * A Grizzly filter just before Payara's request handler that counts the requests in flight (from
 * their first bytes to the last byte of their answer, or the connection's close) and, once the
 * {@link Drain} has started, refuses new ones with 503, {@code Retry-After} and ayb's JSON body.
 */
public final class DrainingFilter extends BaseFilter {

  /** Seconds a refused client is asked to wait: about what a restart takes. */
  static final int RETRY_AFTER_SECONDS = 30;

  private static final Attribute<Boolean> IN_REQUEST =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(DrainingFilter.class.getName() + ".busy");

  private final Drain drain;
  // Built now: while the server stops, the application's class loader may be closing.
  private final byte[] refusal =
      ErrorAnswers.body("The server is shutting down; try again in a moment");

  public DrainingFilter(Drain drain) {
    this.drain = Objects.requireNonNull(drain, "drain");
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
    if (Boolean.TRUE.equals(IN_REQUEST.get(connection))) {
      return ctx.getInvokeAction(); // more of a request already counted
    }
    if (drain.draining()) {
      ErrorAnswers.write(
          ctx, request, 503, refusal, Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
      return ctx.getStopAction();
    }
    IN_REQUEST.set(connection, Boolean.TRUE);
    drain.started();
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
      done(ctx.getConnection());
    }
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleClose(FilterChainContext ctx) throws IOException {
    if (Retirement.retired()) {
      return ctx.getInvokeAction();
    }
    done(ctx.getConnection());
    return ctx.getInvokeAction();
  }

  private void done(Connection<?> connection) {
    if (Boolean.TRUE.equals(IN_REQUEST.get(connection))) {
      IN_REQUEST.set(connection, Boolean.FALSE);
      drain.finished();
    }
  }
}
