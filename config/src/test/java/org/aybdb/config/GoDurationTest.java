package org.aybdb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest(name = "{0} = {1} ns")
  @CsvSource({
    "0, 0",
    "2s, 2000000000",
    "10m, 600000000000",
    "1h30m, 5400000000000",
    "1.5h, 5400000000000",
    "300ms, 300000000",
    "1ns, 1",
    "1us, 1000",
    "1\u00b5s, 1000",
    "1\u03bcs, 1000",
    ".5s, 500000000",
    "1.s, 1000000000",
    "+5s, 5000000000",
    "-5s, -5000000000",
    "1h2m3s4ms5us6ns, 3723004005006",
    "1.0000000001s, 1000000000",
    "2562047h47m16.854775807s, 9223372036854775807",
  })
  void parsesGoSyntax(String text, long nanos) {
    assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "+", ".s", "abc", "2562047h47m16.854775808s", "9999999999999h"})
  void rejectsInvalidDurations(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
    assertEquals("time: invalid duration \"" + text + "\"", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "10m5", "1.5", "1.2.3s"})
  void rejectsMissingUnit(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
    assertEquals("time: missing unit in duration \"" + text + "\"", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"1d, d", "5 m, ' m'", "2S, S", "3sec, sec"})
  void rejectsUnknownUnits(String text, String unit) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
    assertEquals(
        "time: unknown unit \"" + unit + "\" in duration \"" + text + "\"", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"PT1M30S, 90s", "PT1.5S, 1500ms", "PT0.000000001S, 1ns", "PT2H, 7200s"})
  void formatsSoThatParseReadsItBack(Duration duration, String text) {
    assertEquals(text, GoDuration.format(duration));
    assertEquals(duration, GoDuration.parse(text));
  }
}
