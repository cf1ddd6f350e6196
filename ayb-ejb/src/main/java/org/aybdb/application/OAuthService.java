package org.aybdb.application;

import java.util.List;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/**
 * OAuth 2.0 authorization codes with PKCE (S256) for browser apps: the consent page checks the
 * app's request and issues a code for one database; the app exchanges the code, once, within ten
 * minutes, with the verifier, for an API token limited to that database and level.
 */
public interface OAuthService {

  /** How long a code may wait for its exchange. */
  java.time.Duration CODE_LIFETIME = java.time.Duration.ofMinutes(10);

  /**
   * Checks an authorization request's parameters in ayb's order (response type, challenge method,
   * redirect URI, scope) after their presence.
   *
   * @throws OAuthException 400 {@code invalid_request}, {@code unsupported_response_type} or {@code
   *     invalid_scope}
   */
  ConsentRequest check(
      String responseType,
      String redirectUri,
      String scope,
      String codeChallenge,
      String codeChallengeMethod,
      String appName,
      String state);

  /**
   * The databases {@code caller} may let an app query at {@code level}: their own and those shared
   * with them at that level or higher, owned ones first, then by path.
   */
  List<GrantableDatabase> grantable(Caller caller, QueryPermissionLevel level);

  /**
   * Issues a code for {@code database} ({@code entity/database}) at {@code granted} (at most the
   * requested level) and returns where the browser goes with it.
   *
   * @throws OAuthException {@code invalid_request} for a malformed database or a level above the
   *     requested one; {@code access_denied} when the caller lacks access at that level
   */
  String authorize(
      Caller caller, ConsentRequest request, String database, QueryPermissionLevel granted);

  /**
   * Exchanges a code for a scoped token, ayb's checks in ayb's order.
   *
   * @throws OAuthException 400 {@code invalid_request}, {@code unsupported_grant_type} or {@code
   *     invalid_grant}
   */
  ScopedAccessToken exchange(
      String grantType, String code, String redirectUri, String codeVerifier);
}
