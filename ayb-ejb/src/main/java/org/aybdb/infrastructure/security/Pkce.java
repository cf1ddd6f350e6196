package org.aybdb.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * OAuth 2.0 authorization codes and PKCE (RFC 7636, method S256): codes are 32 random bytes in
 * base64url without padding, challenges the base64url SHA-256 of the verifier.
 */
public final class Pkce {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Pkce() {}

  /** A new authorization code: 32 random bytes, 43 base64url characters. */
  public static String newCode() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /** The S256 challenge of a verifier: base64url(SHA-256(ASCII verifier)) without padding. */
  public static String challengeOf(String verifier) {
    Objects.requireNonNull(verifier, "verifier");
    try {
      return BASE64URL.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Whether {@code verifier} matches {@code challenge}, in time independent of the contents. */
  public static boolean verifies(String challenge, String verifier) {
    Objects.requireNonNull(challenge, "challenge");
    return MessageDigest.isEqual(
        challenge.getBytes(StandardCharsets.US_ASCII),
        challengeOf(verifier).getBytes(StandardCharsets.US_ASCII));
  }

  /** Whether {@code challenge} has the shape of an S256 challenge (43 base64url characters). */
  public static boolean isS256Challenge(String challenge) {
    return challenge != null && S256_CHALLENGE.matcher(challenge).matches();
  }
}
