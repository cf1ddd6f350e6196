package org.aybdb.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;
import org.aybdb.application.Caller;
import org.junit.jupiter.api.Test;

class AuthenticatedTokensTest {

  private final AuthenticatedTokens tokens = new AuthenticatedTokens();
  private final Caller alice = new Caller(1, "alice", "short", Optional.empty(), Optional.empty());

  @Test
  void aRememberedTokenIsFoundWithItsHashAndCaller() {
    tokens.remember(tokens.stamp(), "short", "hash", alice, null);

    AuthenticatedTokens.Entry entry = tokens.find("short").orElseThrow();
    assertEquals("hash", entry.hash());
    assertEquals(alice, entry.caller());
    assertTrue(tokens.find("other").isEmpty());
  }

  @Test
  void aRevokedTokenIsForgotten() {
    tokens.remember(tokens.stamp(), "short", "hash", alice, LocalDateTime.MAX);

    tokens.forget("short");

    assertTrue(tokens.find("short").isEmpty());
  }

  @Test
  void aLookupThatRacedWithARevocationIsNotRemembered() {
    long stamp = tokens.stamp(); // the request starts reading the token from the store
    tokens.forget("short"); // meanwhile the token is revoked and committed

    tokens.remember(stamp, "short", "hash", alice, null); // what the request read may be stale

    assertTrue(tokens.find("short").isEmpty());
    tokens.remember(tokens.stamp(), "short", "hash", alice, null);
    assertTrue(tokens.find("short").isPresent(), "a fresh lookup is remembered again");
  }

  @Test
  void theCacheIsBounded() {
    for (int i = 0; i <= AuthenticatedTokens.MAX_ENTRIES; i++) {
      tokens.remember(tokens.stamp(), "t" + i, "hash", alice, null);
    }
    assertTrue(tokens.find("t0").isEmpty(), "the first entries were dropped");
    assertTrue(tokens.find("t" + AuthenticatedTokens.MAX_ENTRIES).isPresent());
  }
}
