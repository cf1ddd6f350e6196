package org.aybdb.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.aybdb.application.port.ApiTokenCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiTokensTest {

  private static final ApiTokens TOKENS = new ApiTokens();

  private static final Pattern BASE58 = Pattern.compile("[1-9A-HJ-NP-Za-km-z]+");

  @Test
  void generatesAybShapedTokensWhoseSecretHashesToTheStoredHash() throws Exception {
    Set<String> shorts = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      ApiTokenCodec.Generated generated = TOKENS.generate();
      String[] parts = generated.token().split("_");
      assertEquals(3, parts.length, generated.token());
      assertEquals("ayb", parts[0]);
      assertEquals(generated.shortToken(), parts[1]);
      assertTrue(BASE58.matcher(parts[1]).matches() && parts[1].length() <= 11, parts[1]);
      assertTrue(BASE58.matcher(parts[2]).matches() && parts[2].length() <= 33, parts[2]);
      assertTrue(parts[2].length() >= 24 && parts[1].length() >= 8, generated.toString());
      assertEquals(Sha256.hex(parts[2]), generated.hash());
      assertTrue(TOKENS.matches(TOKENS.parse(generated.token()), generated.hash()));
      shorts.add(generated.shortToken());
    }
    assertEquals(200, shorts.size(), "random short tokens");
  }

  @Test
  void theHashIsLowerCaseHexSha256OfTheSecret() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
  }

  @Test
  void aWrongSecretDoesNotMatch() throws Exception {
    ApiTokenCodec.Generated generated = TOKENS.generate();
    ApiTokenCodec.Parsed wrong = TOKENS.parse("ayb_" + generated.shortToken() + "_wrongsecret");
    assertFalse(TOKENS.matches(wrong, generated.hash()));
    assertFalse(TOKENS.matches(TOKENS.parse(generated.token()), Sha256.hex("other")));
  }

  @Test
  void parsesThreePartsWithoutCheckingThePrefix() throws Exception {
    ApiTokenCodec.Parsed parsed = TOKENS.parse("xyz_short_long");
    assertEquals("xyz", parsed.prefix());
    assertEquals("short", parsed.shortToken());
    assertEquals("long", parsed.longToken());
    assertEquals("", TOKENS.parse("__").shortToken());
  }

  @ParameterizedTest
  @CsvSource({"garbage, 1", "'', 1", "ayb_only, 2", "ayb_a_b_c, 4", "ayb_a_b_, 4", "_____, 6"})
  void anythingButThreePartsIsWrongNumberOfParts(String token, int parts) {
    ApiTokenCodec.MalformedTokenException e =
        assertThrows(ApiTokenCodec.MalformedTokenException.class, () -> TOKENS.parse(token));
    assertEquals("WrongNumberOfParts(" + parts + ")", e.getMessage());
  }

  @Test
  void toStringNeverShowsTheSecret() throws Exception {
    ApiTokenCodec.Generated generated = TOKENS.generate();
    String secret = generated.token().split("_")[2];
    assertFalse(generated.toString().contains(secret), generated.toString());
    assertFalse(TOKENS.parse(generated.token()).toString().contains(secret));
    assertNotEquals(generated.token(), generated.toString());
  }

  @Test
  void digestsCompareByContent() {
    assertTrue(Sha256.sameDigest(Sha256.hex("a"), Sha256.hex("a")));
    assertFalse(Sha256.sameDigest(Sha256.hex("a"), Sha256.hex("b")));
    assertFalse(Sha256.sameDigest(Sha256.hex("a"), Sha256.hex("a").substring(1)));
  }
}
