package org.aybdb.application.port;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * ayb's application metrics ({@code ayb.http.requests}, {@code ayb.sandbox.*}, {@code
 * ayb.snapshots.*}), published by the server where it can (MicroProfile Metrics on {@code
 * /metrics}), counted nowhere where it cannot. Tags are name/value pairs from closed sets.
 */
public interface ApplicationMetrics {

  /** The counter {@code name} with {@code tags} (name, value, name, value, ...), at 0 if new. */
  Counter counter(String name, String description, String... tags);

  /** The timer {@code name} (nanoseconds) with {@code tags}, registered if new. */
  Timer timer(String name, String description, String... tags);

  /** Publishes {@code value} as the gauge {@code name}. */
  void gauge(String name, String description, Supplier<? extends Number> value);

  /** Whether the server publishes these metrics; false when it has no metrics API for them. */
  boolean published();

  /** A monotonic count. */
  interface Counter {
    void inc();
  }

  /** A count of events with their durations. */
  interface Timer {
    void update(Duration took);
  }
}
