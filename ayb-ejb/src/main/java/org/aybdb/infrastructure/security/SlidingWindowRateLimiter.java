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

/**
 * Allows at most {@code limit} events per key in any rolling {@code window}. Several keys can be
 * taken together, all or nothing: an event counts for every key or for none. A limit of 0 allows
 * everything. Kept in memory; keys whose window has emptied are forgotten.
 */
public final class SlidingWindowRateLimiter {

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
   * Records one event for each of {@code keys} if none of them is at its limit.
   *
   * @return empty if the event was recorded; otherwise how long until it would be allowed
   */
  public synchronized Optional<Duration> tryAcquire(Collection<String> keys) {
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
        if (times.size() >= limit) {
          Duration untilOldestLeaves = Duration.between(now, times.peekFirst().plus(window));
          wait = wait.compareTo(untilOldestLeaves) >= 0 ? wait : untilOldestLeaves;
        }
      }
    }
    if (!wait.isZero()) {
      return Optional.of(wait);
    }
    for (String key : all) {
      events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
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
