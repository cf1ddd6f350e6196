package org.aybdb.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request is counted against. */
class ClientAddressesTest {

  private static String of(String peer, List<String> headers, List<String> trusted) {
    return ClientAddresses.of(peer, headers.iterator(), trusted);
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertEquals("198.51.100.7", of("198.51.100.7", List.of("203.0.113.9"), List.of()));
  }

  @Test
  void anUntrustedPeerCannotChooseItsAddress() {
    assertEquals("198.51.100.7", of("198.51.100.7", List.of("203.0.113.9"), List.of("127.0.0.1")));
  }

  @Test
  void behindATrustedProxyTheRightMostUntrustedHopCounts() {
    List<String> trusted = List.of("127.0.0.1", "10.0.0.2");
    // The client may prepend anything; only what the trusted proxies appended is believed.
    assertEquals(
        "203.0.113.9", of("127.0.0.1", List.of("6.6.6.6, 203.0.113.9", "10.0.0.2"), trusted));
    assertEquals("127.0.0.1", of("127.0.0.1", List.of(), trusted));
    assertEquals("127.0.0.1", of("127.0.0.1", List.of(" , 10.0.0.2"), trusted));
  }
}
