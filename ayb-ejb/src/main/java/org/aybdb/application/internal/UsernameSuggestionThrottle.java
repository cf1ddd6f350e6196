package org.aybdb.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.aybdb.application.AybException;
import org.aybdb.application.port.RateLimits;
import org.aybdb.application.port.RateLimits.RateLimiter;
import org.aybdb.config.AybConfiguration;

/**
 * Limits username completions to {@code [limits] username_suggestions_per_minute} per entity, so
 * that the sharing form's completion cannot be used to list every entity of the server quickly.
 */
@ApplicationScoped
public class UsernameSuggestionThrottle {

  @Inject AybConfiguration configuration;
  @Inject RateLimits rateLimits;

  private RateLimiter perEntity;

  @PostConstruct
  void configure() {
    perEntity =
        rateLimits.limiter(
            configuration.limits().usernameSuggestionsPerMinute(), Duration.ofMinutes(1));
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
