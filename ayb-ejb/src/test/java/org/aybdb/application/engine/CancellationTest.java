package org.aybdb.application.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTest {

  @Test
  void cancelRunsTheRegisteredStopOnce() {
    Cancellation cancellation = new Cancellation();
    AtomicInteger stops = new AtomicInteger();
    cancellation.onCancel(stops::incrementAndGet);
    assertFalse(cancellation.isCancelled());
    cancellation.cancel();
    cancellation.cancel();
    assertTrue(cancellation.isCancelled());
    assertEquals(1, stops.get());
  }

  @Test
  void aQueryStartingAfterTheCancelIsStoppedAtOnce() {
    Cancellation cancellation = new Cancellation();
    cancellation.cancel();
    AtomicInteger stops = new AtomicInteger();
    cancellation.onCancel(stops::incrementAndGet);
    assertEquals(1, stops.get());
  }

  @Test
  void aCancelAfterTheQueryEndedStopsNothing() {
    Cancellation cancellation = new Cancellation();
    AtomicInteger stops = new AtomicInteger();
    cancellation.onCancel(stops::incrementAndGet);
    cancellation.clear();
    cancellation.cancel();
    assertEquals(0, stops.get());
    assertTrue(cancellation.isCancelled());
  }
}
