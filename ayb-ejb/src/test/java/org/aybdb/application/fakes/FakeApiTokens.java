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
  public boolean matches(Parsed token, String storedHash) {
    return hash(token.longToken()).equals(storedHash);
  }

  private static String hash(String secret) {
    return new StringBuilder(secret).reverse().toString();
  }
}
