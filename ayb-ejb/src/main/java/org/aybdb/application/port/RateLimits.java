package org.aybdb.application.port;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/** Makes rate limiters: at most so many events per key in any rolling window. */
public interface RateLimits {

  /** At most {@code limit} events per key in any rolling {@code window}; 0 allows everything. */
  RateLimiter limiter(int limit, Duration window);

  /** Counts events per key; several keys are taken together, all or nothing. */
  interface RateLimiter {

    /**
     * Records one event for each of {@code keys} if none of them is at its limit.
     *
     * @return empty if recorded; otherwise how long until it would be allowed
     */
    default Optional<Duration> tryAcquire(Collection<String> keys) {
      return tryAcquire(keys, 1);
    }

    /**
     * Records {@code count} events for each of {@code keys} if that takes none past its limit.
     *
     * @return empty if recorded; otherwise how long until they would be allowed
     */
    Optional<Duration> tryAcquire(Collection<String> keys, int count);
  }
}
