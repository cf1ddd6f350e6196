package org.aybdb.application.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Notes when API tokens are used, for the "last used" column of the tokens page, at most once a
 * minute per token and off the request's thread and transaction: a busy token costs one small
 * UPDATE a minute, and a failed one costs the request nothing. The UPDATE waits {@link #DELAY}:
 * written at once, it would commit while the request's own transaction runs, and on SQLite metadata
 * a transaction that read before another one's commit can no longer write (SQLITE_BUSY_SNAPSHOT).
 */
@ApplicationScoped
public class TokenUsage {

  static final Duration INTERVAL = Duration.ofMinutes(1);

  /** How long after a use its time is written: longer than a request takes. */
  static final Duration DELAY = Duration.ofSeconds(2);

  /** Above this many remembered tokens, those not used within the interval are dropped. */
  private static final int PRUNE_ABOVE = 10_000;

  @Inject TokenUseRecorder recorder;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Clock clock = Clock.systemUTC();
  private final Map<String, Long> lastNoted = new ConcurrentHashMap<>();

  public void noteUse(String shortToken) {
    Objects.requireNonNull(shortToken, "shortToken");
    long now = System.nanoTime();
    boolean[] due = {false};
    lastNoted.compute(
        shortToken,
        (token, previous) -> {
          if (previous == null || now - previous >= INTERVAL.toNanos()) {
            due[0] = true;
            return now;
          }
          return previous;
        });
    if (due[0]) {
      if (lastNoted.size() > PRUNE_ABOVE) {
        lastNoted.values().removeIf(noted -> now - noted >= INTERVAL.toNanos());
      }
      LocalDateTime at = Timestamps.now(clock);
      scheduler.schedule(
          () -> recorder.record(shortToken, at), DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
