package org.aybdb.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.aybdb.application.port.ConfirmationTokenCodec;
import org.aybdb.config.AybConfiguration;

/**
 * The server's {@link ConfirmationTokenCodec}: {@link ConfirmationTokens} with the configured
 * {@code [authentication] fernet_key} and {@code token_expiration_seconds}.
 */
@ApplicationScoped
public class ConfiguredConfirmationTokens implements ConfirmationTokenCodec {

  @Inject AybConfiguration configuration;

  private ConfirmationTokens tokens;

  @PostConstruct
  void configure() {
    AybConfiguration.Authentication authentication = configuration.authentication();
    tokens =
        new ConfirmationTokens(
            authentication.fernetKey(),
            Duration.ofSeconds(authentication.tokenExpirationSeconds()),
            Clock.systemUTC());
  }

  @Override
  public String mint(Payload payload) {
    return tokens.mint(payload);
  }

  @Override
  public Opened open(String token) throws InvalidTokenException {
    return tokens.open(token);
  }
}
