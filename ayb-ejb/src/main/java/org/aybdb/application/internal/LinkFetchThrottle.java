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
 * Limits how many profile-link pages the server fetches: {@code [http]
 * link_fetches_per_entity_per_hour} for each entity and {@code link_fetches_per_hour} for the whole
 * server, so the link checker cannot be turned into a scanner or a flood.
 */
@ApplicationScoped
public class LinkFetchThrottle {

  @Inject AybConfiguration configuration;
  @Inject RateLimits rateLimits;

  private RateLimiter perEntity;
  private RateLimiter overall;

  @PostConstruct
  void configure() {
    AybConfiguration.Http http = configuration.http();
    perEntity = rateLimits.limiter(http.linkFetchesPerEntityPerHour(), Duration.ofHours(1));
    overall = rateLimits.limiter(http.linkFetchesPerHour(), Duration.ofHours(1));
  }

  /**
   * Counts {@code fetches} page fetches for {@code entity}.
   *
   * @throws AybException 429 with Retry-After when the entity or the server is at its limit
   */
  public void admit(String entity, int fetches) {
    Objects.requireNonNull(entity, "entity");
    if (fetches == 0) {
      return;
    }
    perEntity
        .tryAcquire(List.of(entity), fetches)
        .ifPresent(
            wait -> {
              throw AybException.tooManyRequests(
                  "Too many profile links were checked for this entity; try again later", wait);
            });
    overall
        .tryAcquire(List.of("all"), fetches)
        .ifPresent(
            wait -> {
              throw AybException.tooManyRequests(
                  "Too many profile links are being checked; try again later", wait);
            });
  }
}
