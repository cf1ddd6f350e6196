package org.aybdb.application;

import jakarta.enterprise.context.RequestScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The network address the current request came from, as a rate-limit key: an IPv4 address, or the
 * /64 prefix of an IPv6 address (one subscriber usually holds a whole /64). The web layer sets it
 * for every request; outside a request it is {@value #UNKNOWN}.
 */
@RequestScoped
public class ClientAddress {

  /** The key used when no address is known. */
  public static final String UNKNOWN = "unknown";

  private String key = UNKNOWN;

  /** Records the request's peer address, an IP literal as the servlet container reports it. */
  public void set(String remoteAddress) {
    key = keyOf(Objects.requireNonNull(remoteAddress, "remoteAddress"));
  }

  /** The rate-limit key of the current request's client. */
  public String key() {
    return key;
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
