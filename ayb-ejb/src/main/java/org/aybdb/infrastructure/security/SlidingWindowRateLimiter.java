package org.aybdb.infrastructure.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.port.RateLimits;

/**
 * Allows at most {@code limit} events per key in any rolling {@code window}. Several keys can be
 * taken together, all or nothing: an event counts for every key or for none. A limit of 0 allows
 * everything. Kept in memory; keys whose window has emptied are forgotten.
 */
public final class SlidingWindowRateLimiter implements RateLimits.RateLimiter {

  // Above this many keys, every call sweeps out the keys whose window is empty.
  private static final int SWEEP_THRESHOLD = 1024;

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> events = new HashMap<>();

  public SlidingWindowRateLimiter(int limit, Duration window, Clock clock) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    this.limit = limit;
    this.window = Objects.requireNonNull(window, "window");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records {@code count} events for each of {@code keys} if that takes none of them past its
   * limit; a count above the limit is never allowed.
   *
   * @return empty if the events were recorded; otherwise how long until they would be allowed
   */
  @Override
  public synchronized Optional<Duration> tryAcquire(Collection<String> keys, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive: " + count);
    }
    List<String> all = List.copyOf(keys);
    if (limit == 0) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant horizon = now.minus(window);
    if (events.size() > SWEEP_THRESHOLD) {
      events.values().forEach(times -> expire(times, horizon));
      events.values().removeIf(Deque::isEmpty);
    }
    Duration wait = Duration.ZERO;
    for (String key : all) {
      Deque<Instant> times = events.get(key);
      if (times != null) {
        expire(times, horizon);
        int excess = times.size() + count - limit;
        if (excess > 0) {
          // The excess-th oldest event must leave the window first.
          Instant leaving =
              times.stream().skip(Math.min(excess, times.size()) - 1L).findFirst().get();
          Duration untilItLeaves = Duration.between(now, leaving.plus(window));
          wait = wait.compareTo(untilItLeaves) >= 0 ? wait : untilItLeaves;
        }
      }
      if (count > limit) {
        wait = wait.compareTo(window) >= 0 ? wait : window;
      }
    }
    if (!wait.isZero()) {
      return Optional.of(wait);
    }
    for (String key : all) {
      Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
      for (int i = 0; i < count; i++) {
        times.addLast(now);
      }
    }
    return Optional.empty();
  }

  /** How many keys are remembered (for tests of the clean-up). */
  synchronized int trackedKeys() {
    return events.size();
  }

  private static void expire(Deque<Instant> times, Instant horizon) {
    while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
      times.removeFirst();
    }
  }
}
