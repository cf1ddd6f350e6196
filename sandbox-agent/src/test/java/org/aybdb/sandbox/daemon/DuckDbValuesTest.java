package org.aybdb.sandbox.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DuckDbValuesTest {

  @Test
  void timesPrintThreeSixOrNineFractionDigitsAsChronoDoes() {
    assertEquals("01:02:03", DuckDbValues.time(LocalTime.of(1, 2, 3)));
    assertEquals("01:02:03.500", DuckDbValues.time(LocalTime.of(1, 2, 3, 500_000_000)));
    assertEquals("01:02:03.000123", DuckDbValues.time(LocalTime.of(1, 2, 3, 123_000)));
    assertEquals("01:02:03.000000007", DuckDbValues.time(LocalTime.of(1, 2, 3, 7)));
    assertEquals("2024-01-02 00:00:00", DuckDbValues.dateTime(LocalDateTime.of(2024, 1, 2, 0, 0)));
  }

  @Test
  void floatsPrintTheirShortestTextWithoutExponent() {
    assertEquals("0.1", DuckDbValues.real32(0.1f));
    assertEquals("10", DuckDbValues.real32(10f));
    assertEquals("0.0000001", DuckDbValues.real32(1e-7f));
    assertEquals("-inf", DuckDbValues.real32(Float.NEGATIVE_INFINITY));
    assertEquals("NaN", DuckDbValues.real32(Float.NaN));
    assertEquals("-0", DuckDbValues.real32(-0f));
  }

  @Test
  void blobsAreLossyUtf8() {
    assertEquals("a\uFFFDb", DuckDbValues.lossyUtf8(new byte[] {'a', (byte) 0xFF, 'b'}));
  }
}
