package org.aybdb.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;
import org.aybdb.application.IssuedApiToken;
import org.aybdb.application.ScopedAccessToken;
import org.aybdb.application.port.ApiTokenCodec;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.ApiToken;
import org.aybdb.domain.model.account.ApiTokenRepository;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.permission.QueryPermissionLevel;

/** Mints and stores new API tokens; runs in the caller's transaction. */
@ApplicationScoped
public class ApiTokenIssuer {

  @Inject ApiTokenRepository tokens;
  @Inject ApiTokenCodec codec;

  public IssuedApiToken issue(Account account) {
    Objects.requireNonNull(account, "account");
    ApiTokenCodec.Generated generated = codec.generate();
    tokens.store(
        new ApiToken(
            generated.shortToken(), account, generated.hash(), Timestamps.now(Clock.systemUTC())));
    return new IssuedApiToken(account.slug(), generated.token());
  }

  /** Mints a named token, optionally scoped and expiring, from the tokens page. */
  public IssuedApiToken issueNamed(
      Account account,
      String name,
      HostedDatabase database,
      QueryPermissionLevel level,
      LocalDateTime expiresAt) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(name, "name");
    ApiTokenCodec.Generated generated = codec.generate();
    ApiToken token =
        new ApiToken(
            generated.shortToken(), account, generated.hash(), Timestamps.now(Clock.systemUTC()));
    if (database != null) {
      token.scopeTo(database, level, name);
    } else {
      token.name(name);
    }
    if (expiresAt != null) {
      token.expireAt(expiresAt);
    }
    tokens.store(token);
    return new IssuedApiToken(account.slug(), generated.token());
  }

  /** Mints a token limited to {@code database} at most at {@code level}, for an OAuth app. */
  public ScopedAccessToken issueScoped(
      Account account, HostedDatabase database, QueryPermissionLevel level, String appName) {
    Objects.requireNonNull(account, "account");
    ApiTokenCodec.Generated generated = codec.generate();
    ApiToken token =
        new ApiToken(
            generated.shortToken(), account, generated.hash(), Timestamps.now(Clock.systemUTC()));
    token.scopeTo(database, level, appName);
    tokens.store(token);
    return new ScopedAccessToken(
        generated.token(), database.owner().slug(), database.slug(), level.word());
  }
}
