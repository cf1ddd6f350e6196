package org.aybdb.domain.model.account;

import java.util.List;
import java.util.Optional;

/** Where API tokens are kept (short part and hash only). */
public interface ApiTokenRepository {

  /** The token with this short part, revoked or not. */
  Optional<ApiToken> find(String shortToken);

  /** The tokens of {@code account} that are not revoked, in no particular order. */
  List<ApiToken> unrevoked(Account account);

  /** Stores a new token. */
  ApiToken store(ApiToken token);

  /** Records that the token was presented at {@code at} (UTC). */
  void markUsed(String shortToken, java.time.LocalDateTime at);
}
