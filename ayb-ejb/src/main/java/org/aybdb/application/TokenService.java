package org.aybdb.application;

import java.util.List;

/** API tokens: who a presented token belongs to, and the caller's own tokens. */
public interface TokenService {

  /**
   * Checks a bearer token {@code ayb_<short>_<secret>}.
   *
   * @throws AybException Other "Error parsing API token: WrongNumberOfParts(n)" (400);
   *     RecordNotFound for an unknown short token and InvalidToken for a wrong secret, a revoked or
   *     an expired token (401)
   */
  Caller authenticate(String token);

  /**
   * The caller's tokens that are neither revoked nor expired, newest first; through an app's scoped
   * token only that token.
   */
  List<ApiTokenInfo> activeTokens(Caller caller);

  /**
   * Revokes one of the caller's own tokens (possibly the one in use).
   *
   * @throws AybException RecordNotFound (404) if it is not the caller's or already revoked, or
   *     (through an app's scoped token) another token
   */
  void revoke(Caller caller, String shortToken);

  /**
   * Issues a new token for the caller, named, optionally limited to one database they may query
   * (enforced exactly as an OAuth app's token) and optionally expiring; the secret is in the answer
   * only.
   *
   * @throws AybException Other (400) for a blank or too long name or an expiry not in the future;
   *     RecordNotFound (404) for a database the caller cannot query at that level; Unauthorized
   *     (403) through an app's scoped token
   */
  IssuedApiToken create(Caller caller, NewApiToken request);
}
