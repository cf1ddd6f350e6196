package org.aybdb.infrastructure.sandbox.pool;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Keeps a database whose daemon keeps crashing from being respawned in a loop. The first crash is
 * forgiven (the next request starts a new daemon at once); each further crash within the window
 * doubles the wait before the next start, from {@code initial} up to {@code max}. A database whose
 * last crash is older than its wait plus {@code max} starts over. Requests arriving during a wait
 * are refused (the pool answers "unavailable" with the time left) instead of waiting.
 */
public final class CrashBackoff {

  private record Entry(int crashes, long lastCrashNanos, long notBeforeNanos) {}

  private final Duration initial;
  private final Duration max;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** A backoff on the system's monotonic clock. */
  public CrashBackoff(Duration initial, Duration max) {
    this(initial, max, System::nanoTime);
  }

  CrashBackoff(Duration initial, Duration max, LongSupplier nanoTime) {
    this.initial = Objects.requireNonNull(initial, "initial");
    this.max = Objects.requireNonNull(max, "max");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 <= initial <= max, got " + initial + ", " + max);
    }
  }

  /** Records a crash of {@code database}'s daemon; returns the wait before its next start. */
  public Duration crashed(String database) {
    long now = nanoTime.getAsLong();
    Entry entry =
        entries.compute(
            database,
            (name, old) -> {
              int crashes = old == null || expired(old, now) ? 1 : old.crashes() + 1;
              return new Entry(crashes, now, now + delay(crashes).toNanos());
            });
    return delay(entry.crashes());
  }

  /** How long {@code database} must still wait before a daemon may start for it (zero: none). */
  public Duration remaining(String database) {
    Entry entry = entries.get(database);
    if (entry == null) {
      return Duration.ZERO;
    }
    long now = nanoTime.getAsLong();
    if (expired(entry, now)) {
      entries.remove(database, entry);
      return Duration.ZERO;
    }
    long left = entry.notBeforeNanos() - now;
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  /** Databases whose daemons crashed recently enough to count (for metrics). */
  public int tracked() {
    long now = nanoTime.getAsLong();
    entries.values().removeIf(e -> expired(e, now));
    return entries.size();
  }

  /** The wait after the {@code crashes}-th crash in a row. */
  Duration delay(int crashes) {
    if (crashes <= 1 || initial.isZero()) {
      return Duration.ZERO;
    }
    int doublings = Math.min(crashes - 2, 40);
    Duration d = initial.multipliedBy(1L << Math.min(doublings, 30));
    return d.compareTo(max) > 0 ? max : d;
  }

  private boolean expired(Entry entry, long now) {
    return now - entry.notBeforeNanos() > max.toNanos();
  }
}
