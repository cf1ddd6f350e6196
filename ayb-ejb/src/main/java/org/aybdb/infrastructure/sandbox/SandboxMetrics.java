package org.aybdb.infrastructure.sandbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aybdb.application.port.ApplicationMetrics;
import org.aybdb.infrastructure.sandbox.pool.PoolListener;

/**
 * The pool's figures as application metrics on {@code /metrics}: {@code ayb.sandbox.daemons}
 * (live), {@code ayb.sandbox.daemons.max}, {@code ayb.sandbox.spawns} (count and start-up time),
 * {@code ayb.sandbox.spawn.failures}, {@code ayb.sandbox.evictions} (by reason), {@code
 * ayb.sandbox.crashes}, {@code ayb.sandbox.crash.backoffs} (requests refused while a crashing
 * database waits) and {@code ayb.sandbox.queries} (count and latency by outcome). No tag names a
 * database: bounded cardinality whatever users create.
 */
final class SandboxMetrics implements PoolListener {

  private static final String EVICTIONS = "ayb.sandbox.evictions";
  private static final String EVICTIONS_HELP =
      "Query daemons retired by the pool, by reason (lru, idle, invalid, switched, shutdown,"
          + " deadline)";
  private static final String QUERIES = "ayb.sandbox.queries";
  private static final String QUERIES_HELP =
      "Requests run on query daemons by outcome (ok, error = the SQL failed, failure = the daemon"
          + " or pool failed), with their latency";

  private final ApplicationMetrics metrics;
  private final Map<Retirement, ApplicationMetrics.Counter> evictions =
      new EnumMap<>(Retirement.class);
  private final Map<String, ApplicationMetrics.Timer> queries = new ConcurrentHashMap<>();
  private final ApplicationMetrics.Counter crashes;
  private final ApplicationMetrics.Counter backoffs;
  private final ApplicationMetrics.Counter spawnFailures;
  private final ApplicationMetrics.Timer spawns;

  SandboxMetrics(ApplicationMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    for (Retirement why : Retirement.values()) {
      evictions.put(
          why,
          metrics.counter(
              EVICTIONS, EVICTIONS_HELP, "reason", why.name().toLowerCase(Locale.ROOT)));
    }
    crashes =
        metrics.counter(
            "ayb.sandbox.crashes",
            "Query daemons that exited without being retired (crash, kill, sandbox violation)");
    backoffs =
        metrics.counter(
            "ayb.sandbox.crash.backoffs",
            "Requests answered 503 with Retry-After because their database's daemon crashed"
                + " repeatedly and waits before starting again ([sandbox] crash_backoff_*)");
    spawnFailures =
        metrics.counter("ayb.sandbox.spawn.failures", "Query daemons that could not be started");
    spawns =
        metrics.timer(
            "ayb.sandbox.spawns", "Query daemons started, with the time from spawn to hello");
  }

  /** Publishes the live count and the bound. */
  void gauges(Supplier<Integer> live, int max) {
    metrics.gauge("ayb.sandbox.daemons", "Query daemon processes alive or starting", live);
    metrics.gauge(
        "ayb.sandbox.daemons.max",
        "The bound on live query daemons ([sandbox] max_daemons)",
        () -> max);
  }

  @Override
  public void spawned(String database, long pid, Duration took) {
    spawns.update(took);
  }

  @Override
  public void spawnFailed(String database, String reason) {
    spawnFailures.inc();
  }

  @Override
  public void retired(String database, long pid, Retirement why) {
    evictions.get(why).inc();
  }

  @Override
  public void crashed(String database, long pid, String detail) {
    crashes.inc();
  }

  @Override
  public void backedOff(String database, Duration retryAfter) {
    backoffs.inc();
  }

  @Override
  public void queried(String database, Duration took, String outcome) {
    queries
        .computeIfAbsent(outcome, o -> metrics.timer(QUERIES, QUERIES_HELP, "outcome", o))
        .update(took);
  }
}
