package org.aybdb.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Go's {@code time.ParseDuration} syntax, which ayb uses for {@code snapshots.automation.interval}:
 * an optional sign, then one or more decimal numbers (fractions allowed) each followed by a unit
 * ({@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}), for example
 * {@code 2s}, {@code 10m}, {@code 1h30m}, {@code 1.5h} or {@code 300ms}. A lone {@code 0} needs no
 * unit.
 */
public final class GoDuration {

  private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

  private static final Map<String, Long> UNIT_NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L, // micro sign, as Go accepts
          "\u03bcs", 1_000L, // Greek small letter mu, as Go accepts
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * Parses a Go duration.
   *
   * @throws IllegalArgumentException with Go's wording, e.g. {@code time: invalid duration "x"},
   *     {@code time: missing unit in duration "1"} or {@code time: unknown unit "d" in duration
   *     "1d"}
   */
  public static Duration parse(String text) {
    Objects.requireNonNull(text, "text");
    String rest = text;
    boolean negative = false;
    if (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
      negative = rest.charAt(0) == '-';
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    if (rest.isEmpty()) {
      throw invalid(text);
    }
    BigInteger totalNanos = BigInteger.ZERO;
    while (!rest.isEmpty()) {
      int numberEnd = 0;
      while (numberEnd < rest.length() && isDigit(rest.charAt(numberEnd))) {
        numberEnd++;
      }
      boolean hasIntegerPart = numberEnd > 0;
      boolean hasFraction = false;
      if (numberEnd < rest.length() && rest.charAt(numberEnd) == '.') {
        int fractionStart = ++numberEnd;
        while (numberEnd < rest.length() && isDigit(rest.charAt(numberEnd))) {
          numberEnd++;
        }
        hasFraction = numberEnd > fractionStart;
      }
      if (!hasIntegerPart && !hasFraction) {
        throw invalid(text);
      }
      String number = rest.substring(0, numberEnd);
      rest = rest.substring(numberEnd);

      int unitEnd = 0;
      while (unitEnd < rest.length()
          && rest.charAt(unitEnd) != '.'
          && !isDigit(rest.charAt(unitEnd))) {
        unitEnd++;
      }
      if (unitEnd == 0) {
        throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
      }
      String unit = rest.substring(0, unitEnd);
      rest = rest.substring(unitEnd);
      Long nanosPerUnit = UNIT_NANOS.get(unit);
      if (nanosPerUnit == null) {
        throw new IllegalArgumentException(
            "time: unknown unit " + quote(unit) + " in duration " + quote(text));
      }
      // Like Go, fractions of a nanosecond are truncated per component.
      BigDecimal component =
          new BigDecimal(number.endsWith(".") ? number + "0" : number)
              .multiply(BigDecimal.valueOf(nanosPerUnit))
              .setScale(0, RoundingMode.DOWN);
      if (component.compareTo(MAX_NANOS) > 0) {
        throw invalid(text);
      }
      totalNanos = totalNanos.add(component.toBigInteger());
      if (totalNanos.compareTo(MAX_NANOS.toBigInteger()) > 0) {
        throw invalid(text);
      }
    }
    long nanos = totalNanos.longValueExact();
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  /**
   * Formats a duration so that {@link #parse} reads it back: whole seconds as {@code 90s}, whole
   * milliseconds as {@code 1500ms}, anything else in {@code ns}.
   */
  public static String format(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.getNano() == 0) {
      return duration.getSeconds() + "s";
    }
    if (duration.getNano() % 1_000_000 == 0) {
      return duration.toMillis() + "ms";
    }
    return duration.toNanos() + "ns";
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration " + quote(text));
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
