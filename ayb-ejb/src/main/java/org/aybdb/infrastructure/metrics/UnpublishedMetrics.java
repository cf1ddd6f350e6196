package org.aybdb.infrastructure.metrics;

import java.util.function.Supplier;
import org.aybdb.application.port.ApplicationMetrics;

/** Metrics on a server that cannot publish them: every update is dropped. */
final class UnpublishedMetrics implements ApplicationMetrics {

  @Override
  public Counter counter(String name, String description, String... tags) {
    return () -> {};
  }

  @Override
  public Timer timer(String name, String description, String... tags) {
    return took -> {};
  }

  @Override
  public void gauge(String name, String description, Supplier<? extends Number> value) {
    // Nothing reads it.
  }

  @Override
  public boolean published() {
    return false;
  }
}
