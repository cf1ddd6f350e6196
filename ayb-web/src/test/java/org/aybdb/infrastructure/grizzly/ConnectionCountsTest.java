package org.aybdb.infrastructure.grizzly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.aybdb.application.ClientAddress;
import org.aybdb.infrastructure.grizzly.ConnectionLimitFilter.ConnectionCounts;
import org.junit.jupiter.api.Test;

/** The per-address connection count behind {@code [http] max_connections_per_client}. */
class ConnectionCountsTest {

  private final InetAddress a = InetAddress.getLoopbackAddress();
  private final InetAddress b = address("192.0.2.7");

  @Test
  void anAddressGetsAtMostMaxAndAClosedConnectionMakesRoom() {
    ConnectionCounts counts = new ConnectionCounts(2);
    assertTrue(counts.open(a));
    assertTrue(counts.open(a));
    assertFalse(counts.open(a), "the third is past the cap");
    assertFalse(counts.open(a), "a refused one was not counted, nor is this one");
    assertTrue(counts.open(b), "another address has its own allowance");
    counts.closed(a);
    assertTrue(counts.open(a));
    assertFalse(counts.open(a));
  }

  @Test
  void anIpv6ClientIsCountedByItsSlash64() {
    ConnectionCounts counts = new ConnectionCounts(1);
    assertTrue(counts.open(ClientAddress.subscriber(address("2001:db8:1:2::1"))));
    assertFalse(
        counts.open(ClientAddress.subscriber(address("2001:db8:1:2:ffff:0:0:9"))),
        "another address of the same /64");
    assertTrue(counts.open(ClientAddress.subscriber(address("2001:db8:1:3::1"))));
    assertEquals(b, ClientAddress.subscriber(b), "IPv4 as it is");
  }

  @Test
  void closingMoreThanWasOpenedNeverGoesNegative() {
    ConnectionCounts counts = new ConnectionCounts(1);
    counts.closed(a);
    assertTrue(counts.open(a));
    assertFalse(counts.open(a));
  }

  @Test
  void theCapIsAtLeastOne() {
    assertThrows(IllegalArgumentException.class, () -> new ConnectionCounts(0));
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
