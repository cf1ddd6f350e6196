package org.aybdb.infrastructure.sandbox.pool;

import java.time.Duration;
import java.util.Objects;
import org.aybdb.config.AybConfiguration;

/**
 * How the {@link DaemonPool} manages its daemons.
 *
 * @param maxDaemons the most daemon processes alive at once (spawning ones included)
 * @param idleTimeout a daemon unused this long is retired
 * @param validateAfterIdle a daemon unused this long is pinged before it serves a request
 * @param acquireTimeout how long a request may wait for its database (behind other requests to it,
 *     or a quiesced action) and for a free daemon; then the pool answers "unavailable"
 * @param validationTimeout how long a ping may take
 * @param retireGrace how long a retired daemon may take to exit after SHUTDOWN before it is killed
 * @param crashBackoffInitial the wait before a database's daemon starts again after its second
 *     crash in a row (doubling with each further one; see {@link CrashBackoff})
 * @param crashBackoffMax the longest such wait
 * @param prestartedLaunchers how many first stages wait, started ahead of need, for a database (see
 *     {@link ManagedDaemonFactory}); 0 for none
 * @param readersPerDatabase how many daemons may serve one SQLite database's read-only requests at
 *     once (its writes keep going through one daemon, one at a time); 1 for one daemon per
 *     database. Extra readers start only when reads queue up, and only into free room.
 */
public record PoolSettings(
    int maxDaemons,
    Duration idleTimeout,
    Duration validateAfterIdle,
    Duration acquireTimeout,
    Duration validationTimeout,
    Duration retireGrace,
    Duration crashBackoffInitial,
    Duration crashBackoffMax,
    int prestartedLaunchers,
    int readersPerDatabase) {

  private static final Duration VALIDATE_AFTER_IDLE = Duration.ofSeconds(30);
  private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RETIRE_GRACE = Duration.ofSeconds(2);

  /**
   * Settings with the default crash backoff and readers per database, and no pre-started first
   * stage.
   */
  public PoolSettings(
      int maxDaemons,
      Duration idleTimeout,
      Duration validateAfterIdle,
      Duration acquireTimeout,
      Duration validationTimeout,
      Duration retireGrace) {
    this(
        maxDaemons,
        idleTimeout,
        validateAfterIdle,
        acquireTimeout,
        validationTimeout,
        retireGrace,
        AybConfiguration.Sandbox.DEFAULT_CRASH_BACKOFF_INITIAL,
        AybConfiguration.Sandbox.DEFAULT_CRASH_BACKOFF_MAX,
        0,
        AybConfiguration.Sandbox.DEFAULT_READERS_PER_DATABASE);
  }

  public PoolSettings {
    if (maxDaemons < 1) {
      throw new IllegalArgumentException("maxDaemons must be at least 1");
    }
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(validateAfterIdle, "validateAfterIdle");
    Objects.requireNonNull(acquireTimeout, "acquireTimeout");
    Objects.requireNonNull(validationTimeout, "validationTimeout");
    Objects.requireNonNull(retireGrace, "retireGrace");
    Objects.requireNonNull(crashBackoffInitial, "crashBackoffInitial");
    Objects.requireNonNull(crashBackoffMax, "crashBackoffMax");
    if (prestartedLaunchers < 0) {
      throw new IllegalArgumentException("prestartedLaunchers must not be negative");
    }
    if (readersPerDatabase < 1) {
      throw new IllegalArgumentException("readersPerDatabase must be at least 1");
    }
  }

  /** A copy with another crash backoff. */
  public PoolSettings withCrashBackoff(Duration initial, Duration max) {
    return new PoolSettings(
        maxDaemons,
        idleTimeout,
        validateAfterIdle,
        acquireTimeout,
        validationTimeout,
        retireGrace,
        initial,
        max,
        prestartedLaunchers,
        readersPerDatabase);
  }

  /** A copy with another number of pre-started first stages. */
  public PoolSettings withPrestartedLaunchers(int count) {
    return new PoolSettings(
        maxDaemons,
        idleTimeout,
        validateAfterIdle,
        acquireTimeout,
        validationTimeout,
        retireGrace,
        crashBackoffInitial,
        crashBackoffMax,
        count,
        readersPerDatabase);
  }

  /** A copy with another number of readers per database. */
  public PoolSettings withReadersPerDatabase(int count) {
    return new PoolSettings(
        maxDaemons,
        idleTimeout,
        validateAfterIdle,
        acquireTimeout,
        validationTimeout,
        retireGrace,
        crashBackoffInitial,
        crashBackoffMax,
        prestartedLaunchers,
        count);
  }

  /** Defaults around a bound and an idle timeout. */
  public static PoolSettings of(int maxDaemons, Duration idleTimeout, Duration queryTimeout) {
    return new PoolSettings(
        maxDaemons,
        idleTimeout,
        VALIDATE_AFTER_IDLE,
        acquireTimeout(queryTimeout),
        VALIDATION_TIMEOUT,
        RETIRE_GRACE);
  }

  /** The pool a {@code [sandbox]} section asks for, built at once (defaults for the rest). */
  public static PoolSettings of(AybConfiguration.Sandbox sandbox) {
    return new PoolSettings(
        sandbox.maxDaemons(),
        sandbox.idleTimeout(),
        VALIDATE_AFTER_IDLE,
        acquireTimeout(sandbox.queryTimeout()),
        VALIDATION_TIMEOUT,
        RETIRE_GRACE,
        sandbox.crashBackoffInitial(),
        sandbox.crashBackoffMax(),
        sandbox.prestartedLaunchers(),
        sandbox.readersPerDatabase());
  }

  /** Room for a queue of a few requests to one database, each bounded by the time limit. */
  private static Duration acquireTimeout(Duration queryTimeout) {
    return queryTimeout.multipliedBy(3).plusSeconds(30);
  }
}
