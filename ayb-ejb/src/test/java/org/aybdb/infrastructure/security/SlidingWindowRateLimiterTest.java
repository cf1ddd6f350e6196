package org.aybdb.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final SlidingWindowRateLimiter limiter =
      new SlidingWindowRateLimiter(3, Duration.ofHours(1), clock);

  @Test
  void allowsTheLimitThenRefusesUntilTheOldestEventLeavesTheWindow() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), limiter.tryAcquire(List.of("a")), "event " + i);
      clock.advance(Duration.ofMinutes(10));
    }
    assertEquals(Optional.of(Duration.ofMinutes(30)), limiter.tryAcquire(List.of("a")));
    clock.advance(Duration.ofMinutes(29));
    assertEquals(Optional.of(Duration.ofMinutes(1)), limiter.tryAcquire(List.of("a")));
    clock.advance(Duration.ofMinutes(1));
    assertEquals(Optional.empty(), limiter.tryAcquire(List.of("a")), "the first event left");
    assertTrue(limiter.tryAcquire(List.of("a")).isPresent(), "the refused ones did not count");
  }

  @Test
  void keysAreCountedSeparately() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire(List.of("a"));
    }
    assertTrue(limiter.tryAcquire(List.of("a")).isPresent());
    assertEquals(Optional.empty(), limiter.tryAcquire(List.of("b")));
  }

  @Test
  void severalKeysAreAllOrNothing() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire(List.of("entity:x"));
    }
    assertTrue(limiter.tryAcquire(List.of("entity:x", "address:y")).isPresent());
    for (int i = 0; i < 3; i++) {
      assertEquals(
          Optional.empty(),
          limiter.tryAcquire(List.of("entity:z", "address:y")),
          "the refused pair did not count for address:y");
    }
    assertTrue(limiter.tryAcquire(List.of("address:y")).isPresent());
    assertTrue(limiter.tryAcquire(List.of("entity:z")).isPresent());
  }

  @Test
  void zeroSwitchesTheLimitOff() {
    SlidingWindowRateLimiter off = new SlidingWindowRateLimiter(0, Duration.ofHours(1), clock);
    for (int i = 0; i < 1000; i++) {
      assertEquals(Optional.empty(), off.tryAcquire(List.of("a")));
    }
    assertEquals(0, off.trackedKeys());
    assertThrows(
        IllegalArgumentException.class,
        () -> new SlidingWindowRateLimiter(-1, Duration.ofHours(1), clock));
  }

  @Test
  void forgetsKeysWhoseWindowHasEmptied() {
    for (int i = 0; i < 2000; i++) {
      limiter.tryAcquire(List.of("key" + i));
    }
    assertEquals(2000, limiter.trackedKeys());
    clock.advance(Duration.ofHours(2));
    limiter.tryAcquire(List.of("fresh"));
    assertEquals(1, limiter.trackedKeys());
  }

  @Test
  void severalEventsAtOnceCountAsMany() {
    ManualClock clock = new ManualClock();
    SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(5, Duration.ofHours(1), clock);
    assertEquals(Optional.empty(), limiter.tryAcquire(List.of("k"), 3));
    clock.advance(Duration.ofMinutes(10));
    assertEquals(Optional.empty(), limiter.tryAcquire(List.of("k"), 1));
    // 4 of 5 used: 2 more must wait until the first 3 leave the window, 50 minutes on.
    assertEquals(Optional.of(Duration.ofMinutes(50)), limiter.tryAcquire(List.of("k"), 2));
    assertEquals(Optional.empty(), limiter.tryAcquire(List.of("k"), 1));
    assertEquals(Optional.of(Duration.ofHours(1)), limiter.tryAcquire(List.of("other"), 6));
  }
}
