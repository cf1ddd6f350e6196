package org.aybdb.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.Caller;
import org.aybdb.application.ConsentRequest;
import org.aybdb.application.GrantableDatabase;
import org.aybdb.application.OAuthException;
import org.aybdb.application.OAuthService;
import org.aybdb.application.ScopedAccessToken;
import org.aybdb.application.port.AuthorizationCodes;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.HostedDatabaseRepository;
import org.aybdb.domain.model.oauth.OAuthAuthorizationRequest;
import org.aybdb.domain.model.oauth.OAuthAuthorizationRequestRepository;
import org.aybdb.domain.model.oauth.RedirectUri;
import org.aybdb.domain.model.permission.DatabasePermission;
import org.aybdb.domain.model.permission.DatabasePermissionRepository;
import org.aybdb.domain.model.permission.EntitySharingLevel;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/** {@link OAuthService} with ayb's checks, messages and order; codes are stored as hashes. */
@Stateless
public class DefaultOAuthService implements OAuthService {

  static final int MAX_TEXT = 255;

  @Inject AccountRepository accounts;
  @Inject HostedDatabaseRepository databases;
  @Inject DatabasePermissionRepository permissions;
  @Inject OAuthAuthorizationRequestRepository requests;
  @Inject CodeRedemption redemption;
  @Inject Clock clock;
  @Inject AuthorizationCodes codes;

  @Override
  public ConsentRequest check(
      String responseType,
      String redirectUri,
      String scope,
      String codeChallenge,
      String codeChallengeMethod,
      String appName,
      String state) {
    Map<String, String> required = new LinkedHashMap<>();
    required.put("response_type", responseType);
    required.put("redirect_uri", redirectUri);
    required.put("scope", scope);
    required.put("code_challenge", codeChallenge);
    required.put("code_challenge_method", codeChallengeMethod);
    required.put("app_name", appName);
    required.forEach(
        (name, value) -> {
          if (value == null || value.isEmpty()) {
            throw new OAuthException("invalid_request", "Missing required parameter: " + name);
          }
        });
    if (!responseType.equals("code")) {
      throw new OAuthException("unsupported_response_type", "Only response_type=code is supported");
    }
    if (!codeChallengeMethod.equals("S256")) {
      throw new OAuthException("invalid_request", "Only code_challenge_method=S256 is supported");
    }
    RedirectUri redirect =
        RedirectUri.parse(redirectUri)
            .orElseThrow(() -> new OAuthException("invalid_request", RedirectUri.PROBLEM));
    QueryPermissionLevel level = level(scope);
    // Not in ayb, which stores whatever arrives (and fails on a too long value).
    if (!codes.isS256Challenge(codeChallenge)) {
      throw new OAuthException(
          "invalid_request",
          "code_challenge must be the base64url SHA-256 of the code verifier (43 characters)");
    }
    if (appName.length() > MAX_TEXT || (state != null && state.length() > MAX_TEXT)) {
      throw new OAuthException(
          "invalid_request", "app_name and state can be at most " + MAX_TEXT + " characters long");
    }
    return new ConsentRequest(
        appName,
        level,
        redirect,
        codeChallenge,
        Optional.ofNullable(state).filter(text -> !text.isEmpty()));
  }

  private static QueryPermissionLevel level(String scope) {
    for (QueryPermissionLevel level : QueryPermissionLevel.values()) {
      if (level.word().equals(scope)) {
        return level;
      }
    }
    throw new OAuthException("invalid_scope", "scope must be 'read-only' or 'read-write'");
  }

  @Override
  public List<GrantableDatabase> grantable(Caller caller, QueryPermissionLevel level) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(level, "level");
    if (caller.scopedDatabaseId().isPresent()) {
      return List.of();
    }
    Account account = accounts.find(caller.slug()).orElseThrow();
    List<GrantableDatabase> result = new ArrayList<>();
    for (HostedDatabase database : databases.ownedBy(account)) {
      result.add(grantable(database, true, QueryPermissionLevel.READ_WRITE));
    }
    List<GrantableDatabase> shared = new ArrayList<>();
    for (DatabasePermission grant : permissions.heldBy(account)) {
      queryLevel(grant.sharingLevel())
          .filter(held -> held.code() >= level.code())
          .ifPresent(held -> shared.add(grantable(grant.database(), false, held)));
    }
    result.sort(Comparator.comparing(GrantableDatabase::path));
    shared.sort(Comparator.comparing(GrantableDatabase::path));
    result.addAll(shared);
    return result;
  }

  private static GrantableDatabase grantable(
      HostedDatabase database, boolean owned, QueryPermissionLevel level) {
    return new GrantableDatabase(
        database.owner().slug(), database.slug(), database.type().word(), owned, level);
  }

  private static Optional<QueryPermissionLevel> queryLevel(EntitySharingLevel grant) {
    return switch (grant) {
      case MANAGER, READ_WRITE -> Optional.of(QueryPermissionLevel.READ_WRITE);
      case READ_ONLY -> Optional.of(QueryPermissionLevel.READ_ONLY);
      case NO_ACCESS -> Optional.empty();
    };
  }

  @Override
  public String authorize(
      Caller caller, ConsentRequest request, String database, QueryPermissionLevel granted) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(granted, "granted");
    if (granted.code() > request.level().code()) {
      throw new OAuthException("invalid_request", "Cannot grant more than the app requested");
    }
    int slash = database == null ? -1 : database.indexOf('/');
    if (slash <= 0 || slash == database.length() - 1) {
      throw new OAuthException("invalid_request", "Invalid database format");
    }
    Account account = accounts.find(caller.slug()).orElseThrow();
    HostedDatabase target =
        accounts
            .find(database.substring(0, slash))
            .flatMap(owner -> databases.find(owner, database.substring(slash + 1)))
            .orElseThrow(
                () ->
                    new OAuthException("access_denied", "You do not have access to this database"));
    Optional<QueryPermissionLevel> held =
        target
            .accessOf(
                Optional.of(account.id()),
                permissions.find(account.id(), target).map(DatabasePermission::sharingLevel))
            .queryLevel();
    if (held.isEmpty() || caller.scopedDatabaseId().isPresent()) {
      throw new OAuthException("access_denied", "You do not have access to this database");
    }
    if (held.get().code() < granted.code()) {
      throw new OAuthException(
          "access_denied", "Your access level is lower than the requested permission");
    }
    LocalDateTime now = Timestamps.now(clock);
    requests.deleteExpired(now);
    String code = codes.newCode();
    OAuthAuthorizationRequest stored =
        new OAuthAuthorizationRequest(
            codes.hash(code),
            account,
            target,
            request.codeChallenge(),
            request.redirectUri().text(),
            request.appName(),
            request.level(),
            request.state().orElse(null),
            now,
            now.plus(CODE_LIFETIME));
    stored.lowerGrantTo(granted);
    requests.store(stored);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("code", code);
    parameters.put("state", request.state().orElse(null));
    return request.redirectUri().with(parameters);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ScopedAccessToken exchange(
      String grantType, String code, String redirectUri, String codeVerifier) {
    // The checks read outside a transaction; the claim then starts its own with the conditional
    // write, so two exchanges of one code are serialised by the metadata store itself.
    if (!"authorization_code".equals(grantType)) {
      if (grantType == null || grantType.isEmpty()) {
        throw new OAuthException("invalid_request", "Missing required field: grant_type");
      }
      throw new OAuthException(
          "unsupported_grant_type", "Only grant_type=authorization_code is supported");
    }
    Map<String, String> required = new LinkedHashMap<>();
    required.put("code", code);
    required.put("redirect_uri", redirectUri);
    required.put("code_verifier", codeVerifier);
    required.forEach(
        (name, value) -> {
          if (value == null || value.isEmpty()) {
            throw new OAuthException("invalid_request", "Missing required field: " + name);
          }
        });
    String hash = codes.hash(code);
    OAuthAuthorizationRequest request =
        requests.find(hash).orElseThrow(() -> invalidGrant("Authorization code not found"));
    if (request.usedAt() != null) {
      throw invalidGrant("Authorization code has already been used");
    }
    if (!Timestamps.now(clock).isBefore(request.expiresAt())) {
      throw invalidGrant("Authorization code has expired");
    }
    if (!request.redirectUri().equals(redirectUri)) {
      throw invalidGrant("redirect_uri does not match");
    }
    if (!codes.verifies(request.codeChallenge(), codeVerifier)) {
      throw invalidGrant("PKCE verification failed");
    }
    return redemption.redeem(hash, Timestamps.now(clock));
  }

  static OAuthException invalidGrant(String description) {
    return new OAuthException("invalid_grant", description);
  }
}
