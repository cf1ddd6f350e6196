package org.aybdb.infrastructure.metrics;

import jakarta.enterprise.inject.Instance;
import java.util.Objects;
import java.util.function.Supplier;
import org.aybdb.application.port.ApplicationMetrics;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The metrics in the server's MicroProfile Metrics application registry. The only class that names
 * the MicroProfile Metrics API: it is loaded only once {@link ServerMetrics} found that API, so a
 * server without it never resolves these types.
 */
final class MicroProfileMetrics implements ApplicationMetrics {

  private final MetricRegistry registry;

  private MicroProfileMetrics(MetricRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * The server's application registry, or null when CDI resolves none. Looked up through an
   * injected {@code Instance}, so the server's producer sees a real injection point (Payara's reads
   * its annotations to choose the registry).
   */
  static ApplicationMetrics fromServer(Instance<Object> beans) {
    Instance<MetricRegistry> registries = beans.select(MetricRegistry.class);
    return registries.isResolvable() ? new MicroProfileMetrics(registries.get()) : null;
  }

  @Override
  public Counter counter(String name, String description, String... tags) {
    return registry.counter(metadata(name, description, null), tags(tags))::inc;
  }

  @Override
  public Timer timer(String name, String description, String... tags) {
    return registry.timer(metadata(name, description, MetricUnits.NANOSECONDS), tags(tags))::update;
  }

  @Override
  public void gauge(String name, String description, Supplier<? extends Number> value) {
    registry.gauge(metadata(name, description, null), value::get);
  }

  @Override
  public boolean published() {
    return true;
  }

  private static Metadata metadata(String name, String description, String unit) {
    var builder = Metadata.builder().withName(name).withDescription(description);
    return (unit == null ? builder : builder.withUnit(unit)).build();
  }

  private static Tag[] tags(String... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("Tags come in name/value pairs: " + pairs.length);
    }
    Tag[] tags = new Tag[pairs.length / 2];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
    }
    return tags;
  }
}
