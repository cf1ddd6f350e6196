package org.aybdb.domain.model.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReservedNamesTest {

  @Test
  void holdsAybsFullList() {
    assertEquals(607, ReservedNames.count());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "register",
        "REGISTER",
        "Register",
        "log_in",
        "LOG_IN",
        "log_out",
        "confirm",
        "v1",
        "V1",
        "health",
        "tokens",
        "settings",
        "oauth",
        "admin",
        "root",
        "www",
        "api",
        "null",
        "user",
        "0"
      })
  void reservedInAnyLetterCase(String name) {
    assertTrue(ReservedNames.isReserved(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada", "registered", "admin2", "e2e-first", "v2", "login-page", ""})
  void otherNamesAreFree(String name) {
    assertFalse(ReservedNames.isReserved(name), name);
  }

  @Test
  void commentLinesAreNotNames() {
    assertFalse(
        ReservedNames.isReserved(
            "# Reserved entity slugs enforced by ayb at registration (one per line, compared case-insensitively)."));
  }
}
