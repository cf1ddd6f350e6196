package org.aybdb.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void theS256ChallengeOfRfc7636sExample() {
    // RFC 7636, appendix B.
    String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.challengeOf(verifier));
    assertTrue(Pkce.verifies("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", verifier));
    assertFalse(Pkce.verifies("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", verifier + "x"));
    assertFalse(Pkce.verifies("short", verifier));
  }

  @Test
  void codesAre32RandomBytesInBase64url() {
    String code = Pkce.newCode();
    assertTrue(code.matches("[A-Za-z0-9_-]{43}"), code);
    assertNotEquals(code, Pkce.newCode());
  }

  @Test
  void challengeShape() {
    assertTrue(Pkce.isS256Challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    assertFalse(Pkce.isS256Challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c"));
    assertFalse(Pkce.isS256Challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM"));
    assertFalse(Pkce.isS256Challenge(null));
  }
}
