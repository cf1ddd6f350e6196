package org.aybdb.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** Lower-case hex SHA-256 digests, the form ayb stores, and their constant-time comparison. */
public final class Sha256 {

  private Sha256() {}

  /** The lower-case hex SHA-256 of {@code text}'s UTF-8 bytes (64 characters). */
  public static String hex(String text) {
    Objects.requireNonNull(text, "text");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Whether two hex digests are equal, in time that does not depend on where they differ. */
  public static boolean sameDigest(String expectedHex, String actualHex) {
    Objects.requireNonNull(expectedHex, "expectedHex");
    Objects.requireNonNull(actualHex, "actualHex");
    return MessageDigest.isEqual(
        expectedHex.getBytes(StandardCharsets.US_ASCII),
        actualHex.getBytes(StandardCharsets.US_ASCII));
  }
}
