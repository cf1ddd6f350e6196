package org.aybdb.sandbox.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ayb's cells: REAL is Rust's f64 Display; text must be UTF-8 as Rust's from_utf8 says. */
class ValueFormatTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "10.0 | 10",
        "1.5 | 1.5",
        "1e-7 | 0.0000001",
        "0.1 | 0.1",
        "-2.5 | -2.5",
        "100 | 100",
        "0.30000000000000004 | 0.30000000000000004",
        "3.3333333333333335 | 3.3333333333333335",
        "123456789.125 | 123456789.125",
        "1e21 | 1000000000000000000000",
        "1e23 | 100000000000000000000000",
        "1.0E-5 | 0.00001",
        "9007199254740993 | 9007199254740992",
        // Java 17's Double.toString prints one digit too many for these (JDK-4511638).
        "2.82879384806159E17 | 282879384806159000",
        "1.0E23 | 100000000000000000000000",
        "2.0E-3 | 0.002",
        "0.0 | 0",
        "-0.0 | -0",
        "NaN | NaN",
        "Infinity | inf",
        "-Infinity | -inf",
      })
  void real(String input, String expected) {
    assertEquals(expected, ValueFormat.real(Double.parseDouble(input)));
  }

  @Test
  void extremes() {
    assertEquals(
        new BigDecimal("1.7976931348623157E308").toPlainString(),
        ValueFormat.real(Double.MAX_VALUE));
    assertEquals(309, ValueFormat.real(Double.MAX_VALUE).length());
    assertEquals(new BigDecimal("5E-324").toPlainString(), ValueFormat.real(Double.MIN_VALUE));
    assertEquals(
        "-" + new BigDecimal("2.2250738585072014E-308").toPlainString(),
        ValueFormat.real(-Double.MIN_NORMAL));
  }

  /**
   * The fast path of {@link ValueFormat#real} against the exact search, on values of every kind: it
   * answers all of them, as the exact search does.
   */
  @Test
  void fastPathAgreesWithTheExactSearch() {
    SplittableRandom random = new SplittableRandom(16);
    int tried = 0;
    int answered = 0;
    for (int i = 0; i < 300_000; i++) {
      double d = sample(random, i);
      if (!Double.isFinite(d) || d == 0) {
        continue;
      }
      tried++;
      String fast = ValueFormat.fastShortest(d);
      if (fast != null) {
        answered++;
        String exact = ValueFormat.shortest(d).stripTrailingZeros().toPlainString();
        assertEquals(exact, fast, () -> "for " + Double.toString(d));
      }
    }
    assertTrue(answered > tried * 0.999, answered + " of " + tried + " took the fast path");
  }

  /** Random doubles of every exponent, and the kinds of value tables hold. */
  private static double sample(SplittableRandom random, int i) {
    return switch (i % 8) {
      case 0 -> Double.longBitsToDouble(random.nextLong());
      case 1 -> random.nextInt(1, 1_000_000) / 7.0;
      case 2 -> random.nextInt(-1_000_000, 1_000_000) / 100.0; // prices, measurements
      case 3 -> random.nextLong(1L << 60) * (random.nextBoolean() ? 1.0 : -1.0);
      case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(-30, 30));
      case 5 -> Math.scalb(1.0, random.nextInt(-1074, 1024));
      case 6 -> Double.parseDouble(random.nextInt(1, 99_999) + "E" + random.nextInt(-320, 300));
      default -> Double.longBitsToDouble(random.nextLong(1L << 52)); // subnormal
    };
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "41 | ",
        "c3a9 | ",
        "f09f9880 | ",
        "ff | Utf8Error { valid_up_to: 0, error_len: Some(1) }",
        "4142c3 | Utf8Error { valid_up_to: 2, error_len: None }",
        "41c328 | Utf8Error { valid_up_to: 1, error_len: Some(1) }",
        "c0af | Utf8Error { valid_up_to: 0, error_len: Some(1) }",
        "e08080 | Utf8Error { valid_up_to: 0, error_len: Some(1) }",
        "eda080 | Utf8Error { valid_up_to: 0, error_len: Some(1) }",
        "e282 | Utf8Error { valid_up_to: 0, error_len: None }",
        "e28228 | Utf8Error { valid_up_to: 0, error_len: Some(2) }",
        "f0908028 | Utf8Error { valid_up_to: 0, error_len: Some(3) }",
        "f4908080 | Utf8Error { valid_up_to: 0, error_len: Some(1) }",
        "f5 | Utf8Error { valid_up_to: 0, error_len: Some(1) }",
      })
  void utf8(String hex, String expected) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    ValueFormat.Utf8Error error = ValueFormat.checkUtf8(bytes, bytes.length);
    if (expected == null) {
      assertNull(error);
    } else {
      assertEquals(expected, error.rustDebug());
    }
  }
}
