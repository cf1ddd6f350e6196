package org.aybdb.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes in configuration text: a whole number of bytes with an optional unit, binary ({@code KiB},
 * {@code MiB}, {@code GiB}, {@code TiB}, or just {@code K}, {@code M}, {@code G}) or decimal
 * ({@code KB}, {@code MB}, {@code GB}, {@code TB}), e.g. {@code 64MiB}, {@code 512 KiB}, {@code
 * 1GB}.
 */
public final class ByteSize {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-z]*)");

  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("b", 1L),
          Map.entry("k", 1L << 10),
          Map.entry("kib", 1L << 10),
          Map.entry("m", 1L << 20),
          Map.entry("mib", 1L << 20),
          Map.entry("g", 1L << 30),
          Map.entry("gib", 1L << 30),
          Map.entry("t", 1L << 40),
          Map.entry("tib", 1L << 40),
          Map.entry("kb", 1_000L),
          Map.entry("mb", 1_000_000L),
          Map.entry("gb", 1_000_000_000L),
          Map.entry("tb", 1_000_000_000_000L));

  private ByteSize() {}

  /**
   * Parses a size.
   *
   * @throws IllegalArgumentException if {@code text} is not a size or does not fit a long
   */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || !UNITS.containsKey(m.group(2))) {
      throw new IllegalArgumentException("not a size: " + text);
    }
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), UNITS.get(m.group(2)));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("too large: " + text, e);
    }
  }
}
