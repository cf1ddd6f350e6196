package org.aybdb.domain.model.oauth;

import java.time.LocalDateTime;
import java.util.Optional;

/** Where authorization codes wait for their exchange; codes are known by their hash only. */
public interface OAuthAuthorizationRequestRepository {

  /** Stores a new request. */
  void store(OAuthAuthorizationRequest request);

  /** The request whose code has this hash, used or not. */
  Optional<OAuthAuthorizationRequest> find(String codeHash);

  /**
   * Marks the code used if nobody did before, atomically: of two concurrent calls for one code
   * exactly one returns true.
   */
  boolean markUsed(String codeHash, LocalDateTime at);

  /** Deletes the requests that expired before {@code now}, used or not; returns how many. */
  int deleteExpired(LocalDateTime now);
}
