package org.aybdb.infrastructure.grizzly;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's drain state: how many requests are in flight, and whether new ones are refused
 * because the server is stopping. One per server process (the filters of every listener share it).
 */
public final class Drain {

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();

  void started() {
    inFlight.incrementAndGet();
  }

  void finished() {
    inFlight.decrementAndGet();
  }

  /** Requests accepted and not yet answered. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Whether new requests are refused. */
  public boolean draining() {
    return draining.get();
  }

  /**
   * Refuses new requests from now on and waits until those in flight are answered, at most {@code
   * grace}.
   *
   * @return the requests still in flight when it returned (0 unless the grace period ran out)
   */
  public int drain(Duration grace) throws InterruptedException {
    draining.set(true);
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return inFlight.get();
  }
}
