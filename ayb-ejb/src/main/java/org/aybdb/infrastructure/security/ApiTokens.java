package org.aybdb.infrastructure.security;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * ayb's API tokens, {@code ayb_<short>_<long>} as the {@code prefixed-api-key} crate makes them:
 * the short part is Base58 of 8 random bytes and names the token; the long part is Base58 of 24
 * random bytes and is the secret. Only the short part and the hex SHA-256 of the long part are
 * stored.
 */
public final class ApiTokens {

  /** The prefix of every token this server issues. */
  public static final String PREFIX = "ayb";

  private static final int SHORT_BYTES = 8;
  private static final int LONG_BYTES = 24;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokens() {}

  /** A freshly generated token: what the caller gets once, and what is stored. */
  public record Generated(String token, String shortToken, String hash) {
    @Override
    public String toString() {
      return "ApiTokens.Generated[shortToken=" + shortToken + "]";
    }
  }

  /** A presented token split into its parts; the prefix is not checked, as in ayb. */
  public record Parsed(String prefix, String shortToken, String longToken) {
    @Override
    public String toString() {
      return "ApiTokens.Parsed[shortToken=" + shortToken + "]";
    }
  }

  /** A presented token that is not three {@code _}-separated parts. */
  public static final class MalformedTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedTokenException(int parts) {
      // The Debug rendering of prefixed-api-key's error, which ayb puts in its message.
      super("WrongNumberOfParts(" + parts + ")", null, false, false);
    }
  }

  /** Generates a new token with the platform's strong random source. */
  public static Generated generate() {
    String shortToken = Base58.encode(randomBytes(SHORT_BYTES));
    String longToken = Base58.encode(randomBytes(LONG_BYTES));
    return new Generated(
        PREFIX + "_" + shortToken + "_" + longToken, shortToken, Sha256.hex(longToken));
  }

  /**
   * Splits {@code token} on {@code _}.
   *
   * @throws MalformedTokenException with ayb's {@code WrongNumberOfParts(n)} unless there are
   *     exactly three parts
   */
  public static Parsed parse(String token) throws MalformedTokenException {
    Objects.requireNonNull(token, "token");
    String[] parts = token.split("_", -1);
    if (parts.length != 3) {
      throw new MalformedTokenException(parts.length);
    }
    return new Parsed(parts[0], parts[1], parts[2]);
  }

  /** Whether the secret part of {@code token} hashes to {@code storedHash} (constant time). */
  public static boolean matches(Parsed token, String storedHash) {
    Objects.requireNonNull(token, "token");
    return Sha256.sameDigest(storedHash, Sha256.hex(token.longToken()));
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
