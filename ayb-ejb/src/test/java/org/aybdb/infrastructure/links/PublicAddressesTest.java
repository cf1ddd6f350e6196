package org.aybdb.infrastructure.links;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.255.255.254",
        "0.0.0.0",
        "0.1.2.3",
        "10.0.0.1",
        "100.64.0.1",
        "169.254.169.254",
        "172.16.0.1",
        "172.31.255.255",
        "192.0.0.8",
        "192.0.2.1",
        "192.168.1.1",
        "198.18.0.1",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "::127.0.0.1",
        "64:ff9b::7f00:1",
        "2002:7f00:1::1",
        "fe80::1",
        "fec0::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "2001:db8::1",
        "100::1"
      })
  void refused(String literal) throws UnknownHostException {
    assertFalse(PublicAddresses.isPublic(InetAddress.getByName(literal)), literal);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.1.1",
        "8.8.8.8",
        "93.184.215.14",
        "172.32.0.1",
        "100.128.0.1",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2606:4700:4700::1111",
        "2a00:1450:4001:80b::200e"
      })
  void allowed(String literal) throws UnknownHostException {
    assertTrue(PublicAddresses.isPublic(InetAddress.getByName(literal)), literal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2130706433", "127.1", "0", "017700000001"})
  void everyNumericSpellingOfLoopbackThatJavaResolvesIsRefused(String spelling) {
    // Whatever the resolver makes of these (an address, or nothing), it is never a public one.
    try {
      for (InetAddress address : InetAddress.getAllByName(spelling)) {
        assertFalse(PublicAddresses.isPublic(address), spelling + " -> " + address);
      }
    } catch (UnknownHostException unresolvable) {
      // Nothing to connect to either.
    }
  }
}
