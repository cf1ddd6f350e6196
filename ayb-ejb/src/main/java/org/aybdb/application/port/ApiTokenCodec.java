package org.aybdb.application.port;

import java.util.Objects;

/**
 * ayb's API tokens, {@code <prefix>_<short>_<long>}: the short part names the token, the long part
 * is the secret, of which only a hash is stored.
 */
public interface ApiTokenCodec {

  /** A freshly generated token: what the caller gets once, and what is stored. */
  record Generated(String token, String shortToken, String hash) {
    @Override
    public String toString() {
      return "ApiTokenCodec.Generated[shortToken=" + shortToken + "]";
    }
  }

  /** A presented token split into its parts; the prefix is not checked, as in ayb. */
  record Parsed(String prefix, String shortToken, String longToken) {
    @Override
    public String toString() {
      return "ApiTokenCodec.Parsed[shortToken=" + shortToken + "]";
    }
  }

  /** A presented token that is not three {@code _}-separated parts. */
  final class MalformedTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param parts how many parts the token had; ayb's message names the count
     */
    public MalformedTokenException(int parts) {
      // The Debug rendering of prefixed-api-key's error, which ayb puts in its message.
      super("WrongNumberOfParts(" + parts + ")", null, false, false);
    }
  }

  /** Generates a new token from a strong random source. */
  Generated generate();

  /**
   * Splits {@code token} on {@code _} into its parts: the wire format itself, the same whatever the
   * hash and the random source.
   *
   * @throws MalformedTokenException with ayb's {@code WrongNumberOfParts(n)} unless there are
   *     exactly three parts
   */
  default Parsed parse(String token) throws MalformedTokenException {
    Objects.requireNonNull(token, "token");
    String[] parts = token.split("_", -1);
    if (parts.length != 3) {
      throw new MalformedTokenException(parts.length);
    }
    return new Parsed(parts[0], parts[1], parts[2]);
  }

  /** Whether the secret part of {@code token} hashes to {@code storedHash} (constant time). */
  boolean matches(Parsed token, String storedHash);
}
