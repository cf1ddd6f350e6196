package org.aybdb.application;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A client's network address as a rate-limit key: an IPv4 address, or the /64 prefix of an IPv6
 * address (one subscriber usually holds a whole /64). The web layer finds the address of each
 * request (through trusted proxies) and passes it to the services that count per client.
 */
public final class ClientAddress {

  private ClientAddress() {}

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
