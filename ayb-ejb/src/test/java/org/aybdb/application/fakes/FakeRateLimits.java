package org.aybdb.application.fakes;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aybdb.application.port.RateLimits;

/**
 * {@link RateLimits} whose window never moves on: within a test every event counts, and a refused
 * one is told to wait the whole window.
 */
public final class FakeRateLimits implements RateLimits {

  @Override
  public RateLimiter limiter(int limit, Duration window) {
    Map<String, Integer> counts = new HashMap<>();
    return (keys, count) -> {
      List<String> all = List.copyOf(keys);
      if (limit == 0) {
        return Optional.empty();
      }
      if (all.stream().anyMatch(key -> counts.getOrDefault(key, 0) + count > limit)) {
        return Optional.of(window);
      }
      all.forEach(key -> counts.merge(key, count, Integer::sum));
      return Optional.<Duration>empty();
    };
  }

  /** A limiter of this kind, for code that takes one directly. */
  public static RateLimiter of(int limit, Duration window) {
    return new FakeRateLimits().limiter(limit, window);
  }
}
