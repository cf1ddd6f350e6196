package org.aybdb.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.aybdb.application.port.RateLimits;

/** {@link RateLimits} kept in this process's memory, on the system clock. */
@ApplicationScoped
public class InMemoryRateLimits implements RateLimits {

  @Override
  public RateLimiter limiter(int limit, Duration window) {
    return new SlidingWindowRateLimiter(limit, window, Clock.systemUTC());
  }
}
