package org.aybdb.application.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.ApiTokenInfo;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.ErrorType;
import org.aybdb.application.IssuedApiToken;
import org.aybdb.application.NewApiToken;
import org.aybdb.application.TokenService;
import org.aybdb.application.port.ApiTokenCodec;
import org.aybdb.domain.model.CodedEnum;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.account.ApiToken;
import org.aybdb.domain.model.account.ApiTokenRepository;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.HostedDatabaseRepository;
import org.aybdb.domain.model.permission.DatabasePermission;
import org.aybdb.domain.model.permission.DatabasePermissionRepository;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/** {@link TokenService} with ayb's checks and messages, in ayb's order. */
@Stateless
public class DefaultTokenService implements TokenService {

  static final String RECORD_TYPE = "api_token";

  @Inject ApiTokenRepository tokens;
  @Inject AccountRepository accounts;
  @Inject AuthenticatedTokens recent;
  @Inject ApiTokenIssuer issuer;
  @Inject ApiTokenCodec codec;
  @Inject TokenUsage usage;
  @Inject HostedDatabaseRepository databases;
  @Inject DatabasePermissionRepository permissions;
  @Resource TransactionSynchronizationRegistry transactions;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Caller authenticate(String token) {
    Objects.requireNonNull(token, "token");
    ApiTokenCodec.Parsed parsed;
    try {
      parsed = codec.parse(token);
    } catch (ApiTokenCodec.MalformedTokenException e) {
      // Bad credentials are 401 whatever their shape (ayb: 500); the message stays ayb's.
      throw new AybException(
          ErrorType.Other,
          AybException.Kind.UNAUTHENTICATED,
          "Error parsing API token: " + e.getMessage());
    }
    Optional<Caller> known = recent.valid(parsed);
    if (known.isPresent()) {
      usage.noteUse(parsed.shortToken());
      return known.get();
    }
    long stamp = recent.stamp();
    ApiToken stored =
        tokens
            .find(parsed.shortToken())
            .orElseThrow(
                () ->
                    AybException.recordNotFound(
                        parsed.shortToken(), RECORD_TYPE, AybException.Kind.UNAUTHENTICATED));
    if (!codec.matches(parsed, stored.hash())) {
      throw invalidToken("Invalid API token");
    }
    if (stored.revokedAt() != null) {
      throw invalidToken("API token has been revoked");
    }
    if (stored.expiresAt() != null && stored.expiresAt().isBefore(Timestamps.now(clock))) {
      throw invalidToken("API token has expired");
    }
    Account account = stored.account();
    Caller caller =
        new Caller(
            account.id(),
            account.slug(),
            stored.shortToken(),
            Optional.ofNullable(stored.scopedDatabase()).map(HostedDatabase::id),
            Optional.ofNullable(stored.queryPermissionLevel()));
    recent.remember(stamp, stored.shortToken(), stored.hash(), caller, stored.expiresAt());
    usage.noteUse(stored.shortToken());
    return caller;
  }

  @Override
  public List<ApiTokenInfo> activeTokens(Caller caller) {
    Objects.requireNonNull(caller, "caller");
    LocalDateTime now = Timestamps.now(clock);
    Account account = accounts.find(caller.slug()).orElseThrow();
    return tokens.unrevoked(account).stream()
        .filter(token -> token.expiresAt() == null || token.expiresAt().isAfter(now))
        .filter(token -> mayHandle(caller, token))
        .sorted(
            Comparator.comparing(
                ApiToken::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .map(DefaultTokenService::info)
        .toList();
  }

  @Override
  public void revoke(Caller caller, String shortToken) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(shortToken, "shortToken");
    ApiToken token =
        tokens
            .find(shortToken)
            .filter(found -> found.account().id() == caller.entityId())
            .filter(found -> found.revokedAt() == null)
            .filter(found -> mayHandle(caller, found))
            .orElseThrow(() -> AybException.recordNotFound(shortToken, RECORD_TYPE));
    token.revoke(Timestamps.now(clock));
    recent.forget(shortToken);
    // Again once committed: a request that read the token before the commit must not keep it.
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            recent.forget(shortToken);
          }
        });
  }

  @Override
  public IssuedApiToken create(Caller caller, NewApiToken request) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(request, "request");
    if (caller.scopedDatabaseId().isPresent()) {
      // An app's token must not mint itself broader (or other) tokens.
      throw new AybException(
          ErrorType.Unauthorized,
          AybException.Kind.FORBIDDEN,
          "An app's token cannot create tokens");
    }
    String name = request.name().strip();
    if (name.isEmpty() || name.length() > NewApiToken.MAX_NAME_LENGTH) {
      throw AybException.badRequest(
          "A token needs a name of 1 to " + NewApiToken.MAX_NAME_LENGTH + " characters");
    }
    LocalDateTime now = Timestamps.now(clock);
    if (request.expiresAt().isPresent() && !request.expiresAt().get().isAfter(now)) {
      throw AybException.badRequest("A token's expiry must be in the future");
    }
    Account account = accounts.find(caller.slug()).orElseThrow();
    HostedDatabase database = null;
    if (request.database().isPresent()) {
      String path = request.database().get();
      database =
          queryable(account, path)
              .filter(held -> held.code() >= request.level().code())
              .flatMap(held -> lookUp(path))
              .orElseThrow(() -> AybException.recordNotFound(path, "database"));
    }
    return issuer.issueNamed(
        account, name, database, request.level(), request.expiresAt().orElse(null));
  }

  /** The level at which {@code account} may query {@code entity/slug}, if at all. */
  private Optional<QueryPermissionLevel> queryable(Account account, String path) {
    return lookUp(path)
        .flatMap(
            database ->
                database
                    .accessOf(
                        Optional.of(account.id()),
                        permissions
                            .find(account.id(), database)
                            .map(DatabasePermission::sharingLevel))
                    .queryLevel());
  }

  private Optional<HostedDatabase> lookUp(String path) {
    int slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      return Optional.empty();
    }
    return accounts
        .find(path.substring(0, slash))
        .flatMap(owner -> databases.find(owner, path.substring(slash + 1)));
  }

  /** An app's scoped token sees and revokes only itself; the user's own tokens see them all. */
  private static boolean mayHandle(Caller caller, ApiToken token) {
    return caller.scopedDatabaseId().isEmpty() || token.shortToken().equals(caller.shortToken());
  }

  private static ApiTokenInfo info(ApiToken token) {
    return new ApiTokenInfo(
        token.shortToken(),
        Optional.ofNullable(token.scopedDatabase()).map(HostedDatabase::path),
        Optional.ofNullable(token.queryPermissionLevel()).map(CodedEnum::word),
        Optional.ofNullable(token.appName()),
        Optional.ofNullable(token.createdAt()),
        Optional.ofNullable(token.expiresAt()),
        Optional.ofNullable(token.revokedAt()),
        Optional.ofNullable(token.lastUsedAt()));
  }

  private static AybException invalidToken(String message) {
    return new AybException(ErrorType.InvalidToken, AybException.Kind.UNAUTHENTICATED, message);
  }
}
