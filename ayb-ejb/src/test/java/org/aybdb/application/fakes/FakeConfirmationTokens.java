package org.aybdb.application.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.aybdb.application.port.ConfirmationTokenCodec;

/** {@link ConfirmationTokenCodec} that numbers its tokens and opens only those it made. */
public final class FakeConfirmationTokens implements ConfirmationTokenCodec {

  private final Map<String, Payload> minted = new HashMap<>();

  @Override
  public String mint(Payload payload) {
    String token = "token-" + (minted.size() + 1);
    minted.put(token, payload);
    return token;
  }

  @Override
  public Opened open(String token) throws InvalidTokenException {
    Payload payload = minted.get(token.strip());
    if (payload == null) {
      throw new InvalidTokenException("unknown");
    }
    return new Opened(payload, "fingerprint-" + token.strip(), Instant.now().plusSeconds(3600));
  }
}
