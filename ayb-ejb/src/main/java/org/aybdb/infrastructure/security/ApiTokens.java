package org.aybdb.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Objects;
import org.aybdb.application.port.ApiTokenCodec;
import org.aybdb.application.port.ApiTokenCodec.Generated;
import org.aybdb.application.port.ApiTokenCodec.Parsed;

/**
 * ayb's API tokens, {@code ayb_<short>_<long>} as the {@code prefixed-api-key} crate makes them:
 * the short part is Base58 of 8 random bytes and names the token; the long part is Base58 of 24
 * random bytes and is the secret. Only the short part and the hex SHA-256 of the long part are
 * stored. The server's {@link ApiTokenCodec}.
 */
@ApplicationScoped
public class ApiTokens implements ApiTokenCodec {

  /** The prefix of every token this server issues. */
  public static final String PREFIX = "ayb";

  private static final int SHORT_BYTES = 8;
  private static final int LONG_BYTES = 24;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Generates a new token with the platform's strong random source. */
  @Override
  public Generated generate() {
    String shortToken = Base58.encode(randomBytes(SHORT_BYTES));
    String longToken = Base58.encode(randomBytes(LONG_BYTES));
    return new Generated(
        PREFIX + "_" + shortToken + "_" + longToken, shortToken, Sha256.hex(longToken));
  }

  /** Whether the secret part of {@code token} hashes to {@code storedHash} (constant time). */
  @Override
  public boolean matches(Parsed token, String storedHash) {
    Objects.requireNonNull(token, "token");
    return Sha256.sameDigest(storedHash, Sha256.hex(token.longToken()));
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
