package org.aybdb.application;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A client's network address as a rate-limit key: an IPv4 address, or the /64 prefix of an IPv6
 * address (one subscriber usually holds a whole /64). The web layer finds the address of each
 * request (through trusted proxies) and passes it to the services that count per client.
 */
public final class ClientAddress {

  private ClientAddress() {}

  /**
   * Whom a per-client limit counts {@code caller}'s request against: the entity (all its tokens
   * together), or without a token the client address's {@linkplain #keyOf key}.
   */
  public static String callerKey(Optional<Caller> caller, String clientAddress) {
    return caller
        .map(c -> "entity:" + c.entityId())
        .orElseGet(() -> "address:" + keyOf(clientAddress));
  }

  /** {@code address} as the subscriber it counts for: IPv4 as is, IPv6 cut to its /64 prefix. */
  public static InetAddress subscriber(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] prefix = address.getAddress();
    Arrays.fill(prefix, 8, 16, (byte) 0);
    try {
      return InetAddress.getByAddress(prefix);
    } catch (UnknownHostException e) {
      return address; // 16 bytes are always an address
    }
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
      return parsed instanceof Inet6Address
          ? subscriber(parsed).getHostAddress() + "/64"
          : parsed.getHostAddress();
    } catch (UnknownHostException e) {
      return literal;
    }
  }
}
