package org.aybdb.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {

  @ParameterizedTest
  @CsvSource({
    "203.0.113.7, 203.0.113.7",
    "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:0:0:0:0/64",
    "[2001:db8:1:2:ffff::1], 2001:db8:1:2:0:0:0:0/64",
    "0:0:0:0:0:0:0:1, 0:0:0:0:0:0:0:0/64",
    "::ffff:203.0.113.7, 203.0.113.7"
  })
  void keysAreIPv4AddressesAndIPv6Prefixes(String address, String key) {
    assertEquals(key, ClientAddress.keyOf(address));
  }
}
