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
 * Limits username completions to {@code [limits] username_suggestions_per_minute} per entity, so
 * that the sharing form's completion cannot be used to list every entity of the server quickly.
 */
@ApplicationScoped
public class UsernameSuggestionThrottle {

  @Inject AybConfiguration configuration;

  private SlidingWindowRateLimiter perEntity;

  @PostConstruct
  void configure() {
    perEntity =
        new SlidingWindowRateLimiter(
            configuration.limits().usernameSuggestionsPerMinute(),
            Duration.ofMinutes(1),
            Clock.systemUTC());
  }

  /**
   * Counts one completion for {@code entity}.
   *
   * @throws AybException 429 with Retry-After when the entity is at its limit
   */
  public void admit(String entity) {
    Objects.requireNonNull(entity, "entity");
    perEntity
        .tryAcquire(List.of(entity))
        .ifPresent(
            wait -> {
              throw AybException.tooManyRequests(
                  "Too many username look-ups; wait "
                      + Math.max(1, (wait.toMillis() + 999) / 1000)
                      + " s before completing more",
                  wait);
            });
  }
}
