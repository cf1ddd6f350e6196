package org.aybdb.interfaces.rest;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as ayb shows them: naive UTC {@code YYYY-MM-DD HH:MM:SS} and, when not whole seconds,
 * a fraction of 3, 6 or 9 digits, whichever is exact (chrono's {@code NaiveDateTime} display).
 */
public final class NaiveTimestamps {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private NaiveTimestamps() {}

  public static String format(LocalDateTime timestamp) {
    String text = SECONDS.format(timestamp);
    int nanos = timestamp.getNano();
    if (nanos == 0) {
      return text;
    } else if (nanos % 1_000_000 == 0) {
      return text + String.format(".%03d", nanos / 1_000_000);
    } else if (nanos % 1_000 == 0) {
      return text + String.format(".%06d", nanos / 1_000);
    }
    return text + String.format(".%09d", nanos);
  }
}
