package org.aybdb.sandbox.daemon;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Turns SQLite values into the strings ayb returns: INTEGER as decimal; REAL as Rust's {@code f64}
 * Display (the shortest decimal that reads back as the same double, never in exponent notation, no
 * trailing {@code .0}, {@code NaN}, {@code inf}, {@code -inf}, {@code -0}); TEXT and BLOB as text,
 * which must be valid UTF-8.
 */
public final class ValueFormat {

  private ValueFormat() {}

  /** Formats a REAL exactly as Rust's {@code format!("{}", f64)}. */
  public static String real(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (Double.doubleToRawLongBits(d) < 0) ? "-0" : "0";
    }
    String fast = fastShortest(d);
    return fast != null ? fast : shortest(d).stripTrailingZeros().toPlainString();
  }

  /**
   * Whether Schubfach's classes are here: they are in the agent's jar, not in its class folder, so
   * a daemon started from an IDE's or a build's class folder formats with the exact search alone.
   */
  private static final boolean SCHUBFACH = schubfach();

  private static boolean schubfach() {
    try {
      return "1.0".equals(DoubleToDecimal.toString(1.0));
    } catch (LinkageError missing) {
      return false;
    }
  }

  /** The doubles 10^0 .. 10^22, each exact. */
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  /**
   * {@link #real}'s answer for a finite non-zero {@code d} without arithmetic on big numbers: the
   * digits of Schubfach (Raffaello Giulietti's algorithm, the one behind {@code Double.toString}
   * since Java 19, here from Jackson), which are the shortest that read back and, of those, the
   * nearest to {@code d} (a tie to the even one), as Rust's {@code f64} Display has them, written
   * out without an exponent (its Java flavour answers with at least two digits, so a one-digit
   * decimal that reads back is looked for). About 0.1 µs a cell, against 1 µs and more for Java
   * 17's {@code Double.toString} (sometimes a digit too long) corrected with exact decimal
   * arithmetic. Null, for {@link #shortest} to answer, if the digits ever failed to read back.
   */
  static String fastShortest(double d) {
    if (!SCHUBFACH) {
      return null;
    }
    double magnitude = Math.abs(d);
    String text = DoubleToDecimal.toString(magnitude);
    long digits = 0;
    int count = 0;
    int exponent = 0;
    boolean fraction = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        fraction = true;
        continue;
      }
      if (c == 'E') {
        exponent += Integer.parseInt(text, i + 1, text.length(), 10);
        break;
      }
      if (fraction) {
        exponent--;
      }
      if (count == 0 && c == '0') {
        continue;
      }
      if (count == 18) {
        return null; // Schubfach gives at most 17 significant digits
      }
      digits = digits * 10 + (c - '0');
      count++;
    }
    if (digits == 0) {
      return null;
    }
    while (digits % 10 == 0) {
      digits /= 10;
      exponent++;
    }
    if (!readsBack(digits, exponent, magnitude)) {
      return null;
    }
    if (digits >= 10 && digits < 100) {
      // Java's flavour of Schubfach never answers with fewer than two digits; one may do.
      long down = digits / 10;
      boolean downReads = readsBack(down, exponent + 1, magnitude);
      boolean upReads = readsBack(down + 1, exponent + 1, magnitude);
      if (downReads && upReads) {
        return null; // which one is nearer needs exact arithmetic (subnormal extremes only)
      }
      if (downReads || upReads) {
        digits = downReads ? down : down + 1;
        exponent++;
        while (digits % 10 == 0) {
          digits /= 10;
          exponent++;
        }
      }
    }
    return plain(d < 0, Long.toString(digits), exponent);
  }

  /** Whether {@code digits × 10^exponent} reads back as {@code magnitude}. */
  private static boolean readsBack(long digits, int exponent, double magnitude) {
    if (digits <= 0) {
      return false;
    }
    if (digits < (1L << 53) && exponent >= -22 && exponent <= 22) {
      // Both operands are exact doubles, so one correctly rounded operation gives the double
      // nearest to the decimal, as parsing it would (Clinger's fast path).
      double value =
          exponent >= 0 ? digits * POWERS_OF_TEN[exponent] : digits / POWERS_OF_TEN[-exponent];
      return value == magnitude;
    }
    return Double.parseDouble(digits + "E" + exponent) == magnitude;
  }

  /** {@code digits × 10^exponent} written out without an exponent. */
  private static String plain(boolean negative, String digits, int exponent) {
    StringBuilder out = new StringBuilder(digits.length() + Math.abs(exponent) + 3);
    if (negative) {
      out.append('-');
    }
    if (exponent >= 0) {
      out.append(digits);
      out.append("0".repeat(exponent));
      return out.toString();
    }
    int whole = digits.length() + exponent;
    if (whole > 0) {
      out.append(digits, 0, whole).append('.').append(digits, whole, digits.length());
    } else {
      out.append("0.").append("0".repeat(-whole)).append(digits);
    }
    return out.toString();
  }

  /**
   * The shortest decimal that rounds to {@code d}, and of those the nearest to {@code d}'s exact
   * value. Java 17's {@code Double.toString} always reads back correctly but is sometimes one digit
   * longer than needed (JDK-4511638), so its length is only the starting point.
   */
  static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    int digits = new BigDecimal(Double.toString(d)).stripTrailingZeros().precision();
    BigDecimal best = nearestRoundTrip(d, exact, digits);
    if (best == null) {
      // Cannot happen (Double.toString reads back); be safe all the same.
      return new BigDecimal(Double.toString(d));
    }
    while (digits > 1) {
      BigDecimal shorter = nearestRoundTrip(d, exact, digits - 1);
      if (shorter == null) {
        break;
      }
      best = shorter;
      digits--;
    }
    return best;
  }

  /** The {@code digits}-digit decimal nearest to {@code exact} that reads back as {@code d}. */
  private static BigDecimal nearestRoundTrip(double d, BigDecimal exact, int digits) {
    BigDecimal best = null;
    BigDecimal bestDistance = null;
    for (RoundingMode mode :
        new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP}) {
      BigDecimal candidate = exact.round(new MathContext(digits, mode));
      if (candidate.doubleValue() != d) {
        continue;
      }
      BigDecimal distance = candidate.subtract(exact).abs();
      if (best == null || distance.compareTo(bestDistance) < 0) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Where a byte sequence stops being valid UTF-8, in the terms of Rust's {@code Utf8Error}. */
  public record Utf8Error(int validUpTo, int errorLength) {
    /** Rust's {@code Debug} text, e.g. {@code Utf8Error { valid_up_to: 0, error_len: Some(1) }}. */
    public String rustDebug() {
      return "Utf8Error { valid_up_to: "
          + validUpTo
          + ", error_len: "
          + (errorLength < 0 ? "None" : "Some(" + errorLength + ")")
          + " }";
    }
  }

  /**
   * Checks {@code bytes[0..length)} as Rust's {@code std::str::from_utf8} does (no overlong forms,
   * no surrogates, nothing above U+10FFFF). Returns null when valid; else where it fails, with
   * {@code errorLength} -1 when the input ends inside a sequence (Rust's {@code None}).
   */
  public static Utf8Error checkUtf8(byte[] bytes, int length) {
    int i = 0;
    while (i < length) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        i++;
        continue;
      }
      int width;
      int lo = 0x80;
      int hi = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        width = 2;
      } else if (b >= 0xE0 && b <= 0xEF) {
        width = 3;
        if (b == 0xE0) {
          lo = 0xA0;
        } else if (b == 0xED) {
          hi = 0x9F;
        }
      } else if (b >= 0xF0 && b <= 0xF4) {
        width = 4;
        if (b == 0xF0) {
          lo = 0x90;
        } else if (b == 0xF4) {
          hi = 0x8F;
        }
      } else {
        return new Utf8Error(i, 1);
      }
      for (int k = 1; k < width; k++) {
        if (i + k >= length) {
          return new Utf8Error(i, -1);
        }
        int c = bytes[i + k] & 0xff;
        boolean ok = k == 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xBF;
        if (!ok) {
          return new Utf8Error(i, k);
        }
      }
      i += width;
    }
    return null;
  }
}
