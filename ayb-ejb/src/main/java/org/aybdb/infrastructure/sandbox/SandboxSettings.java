package org.aybdb.infrastructure.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.aybdb.config.AybConfiguration;
import org.aybdb.infrastructure.sandbox.pool.PoolSettings;
import org.aybdb.sandbox.launcher.SandboxConfig;

/**
 * Everything the engine needs from {@code [sandbox]}: the daemons' sandbox and limits, the pool's
 * bounds, and the limits the engine itself checks.
 *
 * @param allowUnsandboxed whether to serve queries unsandboxed where the sandbox can't be enforced
 * @param daemon the configuration every daemon is started with (sandboxed)
 * @param pool the pool's bound, idle timeout and waits
 * @param queryTimeout the per-query time limit (the daemon's; the server waits a little longer)
 * @param copyTimeout the time limit of a {@code VACUUM INTO} copy (snapshots)
 */
public record SandboxSettings(
    boolean allowUnsandboxed,
    SandboxConfig daemon,
    PoolSettings pool,
    Duration queryTimeout,
    Duration copyTimeout) {

  public SandboxSettings {
    Objects.requireNonNull(daemon, "daemon");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    Objects.requireNonNull(copyTimeout, "copyTimeout");
  }

  /** Maps {@code [sandbox]} onto the daemon's {@link SandboxConfig} and the pool's settings. */
  public static SandboxSettings from(AybConfiguration.Sandbox sandbox) {
    Objects.requireNonNull(sandbox, "sandbox");
    SandboxConfig daemon =
        SandboxConfig.builder()
            .sandboxed(true)
            .network(
                SandboxConfig.NetworkIsolation.valueOf(sandbox.network().toUpperCase(Locale.ROOT)))
            .dataLimitBytes(sandbox.daemonMemory())
            .fileSizeLimitBytes(sandbox.maxFileSize())
            .openFilesLimit(sandbox.openFiles())
            .maxSqlBytes(sandbox.maxSqlBytes())
            .maxValueLength(sandbox.maxValueBytes())
            .defaultTimeoutMillis(Math.toIntExact(sandbox.queryTimeout().toMillis()))
            .defaultMaxRows(sandbox.maxResultRows())
            .defaultMaxBytes(sandbox.maxResultBytes())
            .maxNestingKeywords(sandbox.maxNestingKeywords())
            .maxViewsAndTriggers(sandbox.maxViewsAndTriggers())
            .requestStackBytes(sandbox.requestStack())
            // DuckDB buffers up to daemon_memory; its daemon gets RLIMIT_DATA for that on top.
            .duckdbMemoryBytes(sandbox.daemonMemory())
            .build();
    return new SandboxSettings(
        sandbox.allowUnsandboxed(),
        daemon,
        PoolSettings.of(sandbox),
        sandbox.queryTimeout(),
        Duration.ofMinutes(10));
  }

  /** The settings of an absent {@code [sandbox]} section. */
  public static SandboxSettings defaults() {
    return from(AybConfiguration.Sandbox.defaults());
  }

  /** The largest SQL text accepted (bytes of UTF-8). */
  public int maxSqlBytes() {
    return daemon.maxSqlBytes();
  }

  /**
   * How long the server waits for a query's answer: the time limit plus slack, so the daemon's own
   * limit answers cleanly first and this deadline only catches a daemon that stopped answering.
   */
  public Duration clientTimeout() {
    return clientTimeout(queryTimeout);
  }

  /** How long the server waits for the answer of work with the time limit {@code limit}. */
  public static Duration clientTimeout(Duration limit) {
    Duration slack = limit.dividedBy(2);
    return limit.plus(slack.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : slack);
  }

  /** A copy with another daemon configuration (tests: unsandboxed daemons, small limits). */
  public SandboxSettings withDaemon(SandboxConfig config) {
    return new SandboxSettings(allowUnsandboxed, config, pool, queryTimeout, copyTimeout);
  }

  /** A copy with other pool settings. */
  public SandboxSettings withPool(PoolSettings settings) {
    return new SandboxSettings(allowUnsandboxed, daemon, settings, queryTimeout, copyTimeout);
  }
}
