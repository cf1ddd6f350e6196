package org.aybdb.application.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Metadata timestamps: naive UTC, as ayb stores them, cut to milliseconds so that SQLite (which
 * keeps milliseconds) and PostgreSQL (microseconds) return the same value.
 */
final class Timestamps {

  private Timestamps() {}

  static LocalDateTime now(Clock clock) {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
  }
}
