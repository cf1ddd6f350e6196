package org.aybdb.infrastructure.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"v\"@example.org",
        "\"\\v\\i\\c\"@example.org",
        "v@[127.0.0.1]",
        "v@[IPv6:::1]",
        "v(comment)@example.org",
        "Vic <v@example.org>",
        "v@example.org.",
        ".v@example.org",
        "v..w@example.org",
        "v@-example.org",
        "v@exa_mple.org",
        "v@@example.org",
        "v\u0000@example.org"
      })
  void otherSpellingsHaveNoCanonicalForm(String address) {
    assertEquals(Optional.empty(), EmailAddresses.canonical(address), address);
  }

  @ParameterizedTest
  @CsvSource({
    "v@example.org, v@example.org",
    "V@Example.ORG, v@example.org",
    "' a.b+c@Sub.Example.org ', a.b+c@sub.example.org",
    "x@localhost, x@localhost"
  })
  void plainAddressesAreLowerCased(String address, String canonical) {
    assertEquals(Optional.of(canonical), EmailAddresses.canonical(address));
  }
}
