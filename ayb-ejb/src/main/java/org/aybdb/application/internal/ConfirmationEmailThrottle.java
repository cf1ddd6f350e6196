package org.aybdb.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.aybdb.application.AybException;
import org.aybdb.config.AybConfiguration;
import org.aybdb.infrastructure.security.SlidingWindowRateLimiter;

/**
 * Limits registration and log-in e-mails to {@code [email] rate_limit_per_hour} per address and,
 * separately, per entity in any rolling hour, so the server cannot be used to flood an inbox. A
 * refused request counts for neither.
 */
@ApplicationScoped
public class ConfirmationEmailThrottle {

  @Inject AybConfiguration configuration;

  private SlidingWindowRateLimiter limiter;

  @PostConstruct
  void configure() {
    limiter =
        new SlidingWindowRateLimiter(
            configuration.email().rateLimitPerHour(), Duration.ofHours(1), Clock.systemUTC());
  }

  /**
   * Counts one e-mail to {@code address} for {@code entity}.
   *
   * @throws AybException 429 when either is at its limit; the message names neither the address nor
   *     the limit's state of other people's addresses
   */
  public void admit(String entity, String address) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(address, "address");
    limiter
        .tryAcquire(List.of("entity:" + entity, "address:" + address))
        .ifPresent(
            wait -> {
              long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
              throw AybException.tooManyRequests(
                  "Too many confirmation e-mails were requested for this entity or e-mail address;"
                      + " try again in "
                      + minutes
                      + (minutes == 1 ? " minute" : " minutes"),
                  wait);
            });
  }
}
