package org.aybdb.domain.model.account;

import java.time.Instant;

/**
 * The confirmation tokens that have been used, by fingerprint, kept until they expire: a token
 * works once. (ayb accepts a token again and again until it expires.)
 */
public interface UsedConfirmationTokenRepository {

  /**
   * Records that the token with {@code fingerprint} is used, atomically.
   *
   * @param expiresAt when the token stops opening anyway, so the record can go
   * @return false if it had been used before (by this or a concurrent confirmation)
   */
  boolean markUsed(String fingerprint, Instant expiresAt);

  /** Forgets the tokens that expired before {@code now}; returns how many. */
  int forgetExpired(Instant now);
}
