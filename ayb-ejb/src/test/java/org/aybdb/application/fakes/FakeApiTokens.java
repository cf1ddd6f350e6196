package org.aybdb.application.fakes;

import org.aybdb.application.port.ApiTokenCodec;

/** {@link ApiTokenCodec} with numbered tokens whose "hash" is the secret reversed. */
public final class FakeApiTokens implements ApiTokenCodec {

  private int count;

  @Override
  public Generated generate() {
    count++;
    String secret = "secret" + count;
    return new Generated("ayb_short" + count + "_" + secret, "short" + count, hash(secret));
  }

  @Override
  public Parsed parse(String token) throws MalformedTokenException {
    String[] parts = token.split("_", -1);
    if (parts.length != 3) {
      throw new MalformedTokenException(parts.length);
    }
    return new Parsed(parts[0], parts[1], parts[2]);
  }

  @Override
  public boolean matches(Parsed token, String storedHash) {
    return hash(token.longToken()).equals(storedHash);
  }

  private static String hash(String secret) {
    return new StringBuilder(secret).reverse().toString();
  }
}
