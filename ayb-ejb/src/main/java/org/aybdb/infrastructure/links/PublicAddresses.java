package org.aybdb.infrastructure.links;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Which IP addresses the server may connect to when it fetches a page on a user's behalf: only
 * globally routed unicast ones. Refused are loopback, unspecified, private (RFC 1918), shared
 * (100.64/10), link-local, unique-local (fc00::/7), multicast, broadcast, reserved and
 * documentation ranges, and IPv6 addresses that embed a refused IPv4 address (mapped, compatible,
 * NAT64, 6to4).
 *
 * <p>The check is made on the resolved address the socket connects to, never on the host text:
 * spellings such as {@code 2130706433}, {@code 0x7f000001} or {@code 127.1} are whatever the
 * resolver makes of them, and that address is what is checked.
 */
public final class PublicAddresses {

  private PublicAddresses() {}

  /** Whether {@code address} is a public unicast address. */
  public static boolean isPublic(InetAddress address) {
    Objects.requireNonNull(address, "address");
    if (address instanceof Inet4Address) {
      return isPublicV4(address.getAddress());
    }
    byte[] bytes = address.getAddress();
    Optional<byte[]> embedded = embeddedV4(bytes);
    if (embedded.isPresent()) {
      return isPublicV4(embedded.get());
    }
    return isPublicV6(bytes);
  }

  private static boolean isPublicV4(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    int b2 = a[2] & 0xff;
    return !(b0 == 0 // "this network", 0.0.0.0
        || b0 == 10
        || b0 == 127
        || (b0 == 100 && (b1 & 0xc0) == 64) // 100.64.0.0/10 carrier-grade NAT
        || (b0 == 169 && b1 == 254)
        || (b0 == 172 && (b1 & 0xf0) == 16)
        || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) // IETF assignments, TEST-NET-1
        || (b0 == 192 && b1 == 88 && b2 == 99) // 6to4 relay anycast
        || (b0 == 192 && b1 == 168)
        || (b0 == 198 && (b1 & 0xfe) == 18) // benchmarking
        || (b0 == 198 && b1 == 51 && b2 == 100) // TEST-NET-2
        || (b0 == 203 && b1 == 0 && b2 == 113) // TEST-NET-3
        || b0 >= 224); // multicast, reserved, broadcast
  }

  private static boolean isPublicV6(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    boolean allZeroButLast = true;
    for (int i = 0; i < 15; i++) {
      allZeroButLast &= a[i] == 0;
    }
    if (allZeroButLast && (a[15] == 0 || a[15] == 1)) {
      return false; // :: and ::1
    }
    return !((b0 & 0xfe) == 0xfc // fc00::/7 unique local
        || (b0 == 0xfe && (b1 & 0xc0) == 0x80) // fe80::/10 link-local
        || (b0 == 0xfe && (b1 & 0xc0) == 0xc0) // fec0::/10 site-local (deprecated)
        || b0 == 0xff // multicast
        || (b0 == 0x20 && b1 == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) // docs
        || (b0 == 0x01 && b1 == 0 && allZero(a, 2, 8)) // 100::/64 discard
        || (b0 & 0xe0) != 0x20); // outside 2000::/3, the global unicast space
  }

  /** The IPv4 address inside a mapped, compatible, NAT64 (64:ff9b::/96) or 6to4 address. */
  private static Optional<byte[]> embeddedV4(byte[] a) {
    boolean mapped = allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    boolean compatible = allZero(a, 0, 12);
    boolean nat64 =
        a[0] == 0
            && (a[1] & 0xff) == 0x64
            && (a[2] & 0xff) == 0xff
            && (a[3] & 0xff) == 0x9b
            && allZero(a, 4, 12);
    if (mapped || nat64 || (compatible && !allZero(a, 12, 15))) {
      return Optional.of(new byte[] {a[12], a[13], a[14], a[15]});
    }
    if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) { // 2002::/16 6to4
      return Optional.of(new byte[] {a[2], a[3], a[4], a[5]});
    }
    return Optional.empty();
  }

  private static boolean allZero(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
