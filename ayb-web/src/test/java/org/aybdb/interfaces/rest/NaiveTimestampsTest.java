package org.aybdb.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NaiveTimestampsTest {

  @ParameterizedTest
  @CsvSource({
    "0, 2026-04-01 12:34:56",
    "123000000, 2026-04-01 12:34:56.123",
    "100000000, 2026-04-01 12:34:56.100",
    "123456000, 2026-04-01 12:34:56.123456",
    "1000, 2026-04-01 12:34:56.000001",
    "123456789, 2026-04-01 12:34:56.123456789",
    "1, 2026-04-01 12:34:56.000000001",
  })
  void formatsLikeChronosNaiveDateTime(int nanos, String expected) {
    assertEquals(expected, NaiveTimestamps.format(LocalDateTime.of(2026, 4, 1, 12, 34, 56, nanos)));
  }
}
