package org.aybdb.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.junit.jupiter.api.Test;

class ExportSlotsTest {

  @Test
  void eachClientHasItsPlacesAndTheServerItsTotal() {
    ExportSlots slots = slots(3, 2);
    Runnable first = slots.take(Optional.empty(), "203.0.113.9");
    slots.take(Optional.empty(), "203.0.113.9");
    AybException mine =
        assertThrows(AybException.class, () -> slots.take(Optional.empty(), "203.0.113.9"));
    assertEquals(5, mine.retryAfterSeconds());
    assertTrue(mine.getMessage().contains("concurrent_exports_per_client"), mine.getMessage());
    slots.take(Optional.empty(), "198.51.100.7");
    AybException all =
        assertThrows(AybException.class, () -> slots.take(Optional.empty(), "198.51.100.8"));
    assertTrue(all.getMessage().contains("[limits] concurrent_exports)"), all.getMessage());

    first.run();
    first.run(); // given back once only
    slots.take(Optional.empty(), "198.51.100.8");
    assertThrows(AybException.class, () -> slots.take(Optional.empty(), "198.51.100.9"));
  }

  @Test
  void anEntityCountsAsOneClientAndAnIpv6SubscriberByItsPrefix() {
    ExportSlots slots = slots(0, 1);
    Optional<Caller> caller =
        Optional.of(new Caller(7, "e", "short", Optional.empty(), Optional.empty()));
    slots.take(caller, "203.0.113.9");
    assertThrows(AybException.class, () -> slots.take(caller, "198.51.100.7"));
    slots.take(Optional.empty(), "2001:db8:1:2::1");
    assertThrows(AybException.class, () -> slots.take(Optional.empty(), "2001:db8:1:2::ffff"));
    slots.take(Optional.empty(), "2001:db8:1:3::1");
  }

  @Test
  void aPlaceNeverGivenBackIsTakenBackAfterTheLongestHold() {
    ExportSlots slots = slots(1, 1);
    long[] now = {0};
    slots.clock(() -> now[0]);
    slots.take(Optional.empty(), "203.0.113.9"); // its download never ended
    assertThrows(AybException.class, () -> slots.take(Optional.empty(), "198.51.100.7"));
    now[0] = ExportSlots.LONGEST_HOLD.toNanos() + 1;
    Runnable next = slots.take(Optional.empty(), "198.51.100.7");
    next.run();
    slots.take(Optional.empty(), "203.0.113.9");
  }

  @Test
  void zeroSwitchesALimitOff() {
    ExportSlots slots = slots(0, 0);
    for (int i = 0; i < 100; i++) {
      slots.take(Optional.empty(), "203.0.113.9");
    }
  }

  private static ExportSlots slots(int total, int perClient) {
    ExportSlots slots = new ExportSlots();
    slots.configure(total, perClient);
    return slots;
  }
}
