package org.aybdb.infrastructure.sandbox.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CrashBackoffTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final CrashBackoff backoff =
      new CrashBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), now::get);

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void theFirstCrashIsForgivenThenTheWaitDoublesUpToTheCap() {
    assertEquals(Duration.ZERO, backoff.crashed("a"));
    assertEquals(Duration.ZERO, backoff.remaining("a"));
    assertEquals(Duration.ofSeconds(1), backoff.crashed("a"));
    assertEquals(Duration.ofSeconds(1), backoff.remaining("a"));
    assertEquals(Duration.ZERO, backoff.remaining("b"), "other databases are not affected");
    advance(Duration.ofMillis(400));
    assertEquals(Duration.ofMillis(600), backoff.remaining("a"));
    advance(Duration.ofMillis(600));
    assertEquals(Duration.ZERO, backoff.remaining("a"));
    assertEquals(Duration.ofSeconds(2), backoff.crashed("a"));
    assertEquals(Duration.ofSeconds(4), backoff.crashed("a"));
    assertEquals(Duration.ofSeconds(8), backoff.crashed("a"));
    assertEquals(Duration.ofSeconds(8), backoff.crashed("a"), "capped");
    assertEquals(1, backoff.tracked());
  }

  @Test
  void aDatabaseQuietForLongerThanTheCapStartsOver() {
    backoff.crashed("a");
    assertEquals(Duration.ofSeconds(1), backoff.crashed("a"));
    advance(Duration.ofSeconds(1 + 8).plusMillis(1));
    assertEquals(Duration.ZERO, backoff.remaining("a"));
    assertEquals(0, backoff.tracked(), "forgotten: memory stays bounded");
    assertEquals(Duration.ZERO, backoff.crashed("a"));
  }

  @Test
  void zeroSwitchesItOffAndBadBoundsAreRefused() {
    CrashBackoff off = new CrashBackoff(Duration.ZERO, Duration.ZERO, now::get);
    for (int i = 0; i < 5; i++) {
      assertEquals(Duration.ZERO, off.crashed("a"));
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> new CrashBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
