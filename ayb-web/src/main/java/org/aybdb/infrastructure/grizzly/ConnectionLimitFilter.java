package org.aybdb.infrastructure.grizzly;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.application.ClientAddress;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;

/**
 * A Grizzly filter that caps the open connections of one client address ({@code [http]
 * max_connections_per_client}). A connection beyond the cap is not counted; its first request is
 * answered 429 with {@code Retry-After} and ayb's JSON body, and the connection closed. Management
 * addresses are not capped (a reverse proxy on the same machine is one). An IPv6 client is counted
 * by its /64, which one subscriber usually holds whole, as every other per-client limit counts it.
 */
public final class ConnectionLimitFilter extends BaseFilter {

  private static final Logger LOG = Logger.getLogger(ConnectionLimitFilter.class.getName());

  /** Seconds a refused client is asked to wait: long enough for one of its requests to end. */
  static final int RETRY_AFTER_SECONDS = 1;

  private static final Attribute<InetAddress> COUNTED =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
          ConnectionLimitFilter.class.getName() + ".counted");
  private static final Attribute<Boolean> REFUSED =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
          ConnectionLimitFilter.class.getName() + ".refused");

  private final ConnectionCounts counts;
  private final Predicate<InetAddress> exempt;
  private final byte[] refusal;

  /**
   * @param counts the open connections per address, shared by every listener
   * @param exempt addresses never capped
   */
  public ConnectionLimitFilter(ConnectionCounts counts, Predicate<InetAddress> exempt) {
    this.counts = Objects.requireNonNull(counts, "counts");
    this.exempt = Objects.requireNonNull(exempt, "exempt");
    this.refusal =
        ErrorAnswers.body(
            "Too many open connections from this address (at most "
                + counts.max()
                + "); close some and try again");
  }

  @Override
  public NextAction handleAccept(FilterChainContext ctx) throws IOException {
    if (Retirement.retired()) {
      return ctx.getInvokeAction();
    }
    Connection<?> connection = ctx.getConnection();
    if (connection.getPeerAddress() instanceof InetSocketAddress peer
        && peer.getAddress() != null
        && !exempt.test(peer.getAddress())) {
      InetAddress client = ClientAddress.subscriber(peer.getAddress());
      if (counts.open(client)) {
        COUNTED.set(connection, client);
      } else {
        REFUSED.set(connection, Boolean.TRUE);
        if (LOG.isLoggable(Level.FINE)) {
          LOG.fine("Refusing a connection beyond the per-client cap from " + peer.getAddress());
        }
      }
    }
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (Retirement.retired()) {
      return ctx.getInvokeAction();
    }
    if (Boolean.TRUE.equals(REFUSED.get(ctx.getConnection()))
        && ctx.getMessage() instanceof HttpContent content
        && content.getHttpHeader() instanceof HttpRequestPacket request) {
      ErrorAnswers.write(
          ctx, request, 429, refusal, Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
      return ctx.getStopAction();
    }
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleClose(FilterChainContext ctx) throws IOException {
    if (Retirement.retired()) {
      return ctx.getInvokeAction();
    }
    InetAddress address = COUNTED.remove(ctx.getConnection());
    if (address != null) {
      counts.closed(address);
    }
    return ctx.getInvokeAction();
  }

  /** Open connections per client address, at most {@link #max()} each. */
  public static final class ConnectionCounts {

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    public ConnectionCounts(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("max must be at least 1: " + max);
      }
      this.max = max;
    }

    int max() {
      return max;
    }

    /** Counts a new connection from {@code address}; false (and not counted) past the cap. */
    boolean open(InetAddress address) {
      boolean[] counted = {false};
      open.compute(
          address,
          (key, n) -> {
            int now = n == null ? 0 : n;
            if (now >= max) {
              return now;
            }
            counted[0] = true;
            return now + 1;
          });
      return counted[0];
    }

    void closed(InetAddress address) {
      open.computeIfPresent(address, (key, n) -> n <= 1 ? null : n - 1);
    }
  }
}
