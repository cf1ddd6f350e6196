package org.aybdb.infrastructure.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.aybdb.infrastructure.sandbox.pool.PoolListener;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The pool's figures as application metrics on {@code /metrics}: {@code ayb.sandbox.daemons}
 * (live), {@code ayb.sandbox.daemons.max}, {@code ayb.sandbox.spawns} (count and start-up time),
 * {@code ayb.sandbox.spawn.failures}, {@code ayb.sandbox.evictions} (by reason), {@code
 * ayb.sandbox.crashes}, {@code ayb.sandbox.crash.backoffs} (requests refused while a crashing
 * database waits) and {@code ayb.sandbox.queries} (count and latency by outcome). No tag names a
 * database: bounded cardinality whatever users create.
 */
final class SandboxMetrics implements PoolListener {

  private static final Metadata DAEMONS =
      Metadata.builder()
          .withName("ayb.sandbox.daemons")
          .withDescription("Query daemon processes alive or starting")
          .build();
  private static final Metadata MAX_DAEMONS =
      Metadata.builder()
          .withName("ayb.sandbox.daemons.max")
          .withDescription("The bound on live query daemons ([sandbox] max_daemons)")
          .build();
  private static final Metadata SPAWNS =
      Metadata.builder()
          .withName("ayb.sandbox.spawns")
          .withDescription("Query daemons started, with the time from spawn to hello")
          .withUnit(MetricUnits.NANOSECONDS)
          .build();
  private static final Metadata SPAWN_FAILURES =
      Metadata.builder()
          .withName("ayb.sandbox.spawn.failures")
          .withDescription("Query daemons that could not be started")
          .build();
  private static final Metadata EVICTIONS =
      Metadata.builder()
          .withName("ayb.sandbox.evictions")
          .withDescription(
              "Query daemons retired by the pool, by reason (lru, idle, invalid, switched,"
                  + " shutdown, deadline)")
          .build();
  private static final Metadata CRASHES =
      Metadata.builder()
          .withName("ayb.sandbox.crashes")
          .withDescription(
              "Query daemons that exited without being retired (crash, kill, sandbox violation)")
          .build();
  private static final Metadata BACKOFFS =
      Metadata.builder()
          .withName("ayb.sandbox.crash.backoffs")
          .withDescription(
              "Requests answered 503 with Retry-After because their database's daemon crashed"
                  + " repeatedly and waits before starting again ([sandbox] crash_backoff_*)")
          .build();
  private static final Metadata QUERIES =
      Metadata.builder()
          .withName("ayb.sandbox.queries")
          .withDescription(
              "Requests run on query daemons by outcome (ok, error = the SQL failed, failure ="
                  + " the daemon or pool failed), with their latency")
          .withUnit(MetricUnits.NANOSECONDS)
          .build();

  private final MetricRegistry registry;

  SandboxMetrics(MetricRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    for (Retirement why : Retirement.values()) {
      registry.counter(EVICTIONS, tag(why));
    }
    registry.counter(CRASHES);
    registry.counter(BACKOFFS);
    registry.counter(SPAWN_FAILURES);
    registry.timer(SPAWNS);
  }

  /** Publishes the live count and the bound. */
  void gauges(Supplier<Integer> live, int max) {
    registry.gauge(DAEMONS, live);
    registry.gauge(MAX_DAEMONS, () -> max);
  }

  @Override
  public void spawned(String database, long pid, Duration took) {
    registry.timer(SPAWNS).update(took);
  }

  @Override
  public void spawnFailed(String database, String reason) {
    registry.counter(SPAWN_FAILURES).inc();
  }

  @Override
  public void retired(String database, long pid, Retirement why) {
    registry.counter(EVICTIONS, tag(why)).inc();
  }

  @Override
  public void crashed(String database, long pid, String detail) {
    registry.counter(CRASHES).inc();
  }

  @Override
  public void backedOff(String database, Duration retryAfter) {
    registry.counter(BACKOFFS).inc();
  }

  @Override
  public void queried(String database, Duration took, String outcome) {
    registry.timer(QUERIES, new Tag("outcome", outcome)).update(took);
  }

  private static Tag tag(Retirement why) {
    return new Tag("reason", why.name().toLowerCase(Locale.ROOT));
  }
}
