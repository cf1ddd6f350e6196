package org.aybdb.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The network address the current request came from, as a rate-limit key: an IPv4 address, or the
 * /64 prefix of an IPv6 address (one subscriber usually holds a whole /64). The web layer records
 * it for the thread that serves each request; outside a request it is {@value #UNKNOWN}. A thread,
 * not a request-scoped bean: every request records it and few read it, and creating a
 * request-scoped bean per request was a tenth of a trivial request's cost.
 */
@ApplicationScoped
public class ClientAddress {

  /** The key used when no address is known. */
  public static final String UNKNOWN = "unknown";

  // The raw peer address of the request the thread serves; its key is made when asked for.
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  /**
   * Records the peer address of the request this thread now serves, an IP literal as the servlet
   * container reports it, until {@link #leave}.
   *
   * @return what was recorded before (a forwarded request's filter runs inside the original's), for
   *     {@link #leave}
   */
  public String enter(String remoteAddress) {
    String previous = CURRENT.get();
    CURRENT.set(Objects.requireNonNull(remoteAddress, "remoteAddress"));
    return previous;
  }

  /** Puts back what {@link #enter} returned, once the request (or the forward) is served. */
  public void leave(String previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /** The rate-limit key of the current request's client. */
  public String key() {
    String address = CURRENT.get();
    return address == null ? UNKNOWN : keyOf(address);
  }

  /** {@code address} as a rate-limit key: IPv4 as is, IPv6 cut to its /64 prefix. */
  public static String keyOf(String address) {
    String literal = address.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    if (!literal.contains(":")) {
      return literal;
    }
    try {
      // A literal with a colon never causes a DNS lookup.
      InetAddress parsed = InetAddress.getByName(literal);
      if (!(parsed instanceof Inet6Address)) {
        return parsed.getHostAddress();
      }
      byte[] prefix = parsed.getAddress();
      java.util.Arrays.fill(prefix, 8, 16, (byte) 0);
      return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      return literal;
    }
  }
}
