package org.aybdb.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import org.aybdb.application.IssuedApiToken;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.ApiToken;
import org.aybdb.domain.model.account.ApiTokenRepository;
import org.aybdb.infrastructure.security.ApiTokens;

/** Mints and stores new unscoped API tokens; runs in the caller's transaction. */
@ApplicationScoped
public class ApiTokenIssuer {

  @Inject ApiTokenRepository tokens;

  public IssuedApiToken issue(Account account) {
    Objects.requireNonNull(account, "account");
    ApiTokens.Generated generated = ApiTokens.generate();
    tokens.store(
        new ApiToken(
            generated.shortToken(), account, generated.hash(), Timestamps.now(Clock.systemUTC())));
    return new IssuedApiToken(account.slug(), generated.token());
  }
}
