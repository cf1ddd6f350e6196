package org.aybdb.infrastructure.email;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {"ada@example.org", "a.b+c@sub.example.org", "x@localhost", "e2e@test"})
  void bareAddresses(String address) {
    assertTrue(EmailAddresses.isValid(address), address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "ada",
        "ada@",
        "@example.org",
        "Ada <ada@example.org>",
        "a@example.org, b@example.org",
        " ada@example.org",
        "ada@exa mple.org",
        "ada@example.org\r\nBcc: x@example.org"
      })
  void anythingElse(String address) {
    assertFalse(EmailAddresses.isValid(address), address);
  }
}
