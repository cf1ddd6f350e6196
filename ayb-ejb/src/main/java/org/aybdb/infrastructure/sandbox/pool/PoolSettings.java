package org.aybdb.infrastructure.sandbox.pool;

import java.time.Duration;
import java.util.Objects;

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
 */
public record PoolSettings(
    int maxDaemons,
    Duration idleTimeout,
    Duration validateAfterIdle,
    Duration acquireTimeout,
    Duration validationTimeout,
    Duration retireGrace) {

  public PoolSettings {
    if (maxDaemons < 1) {
      throw new IllegalArgumentException("maxDaemons must be at least 1");
    }
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(validateAfterIdle, "validateAfterIdle");
    Objects.requireNonNull(acquireTimeout, "acquireTimeout");
    Objects.requireNonNull(validationTimeout, "validationTimeout");
    Objects.requireNonNull(retireGrace, "retireGrace");
  }

  /** Defaults around a bound and an idle timeout. */
  public static PoolSettings of(int maxDaemons, Duration idleTimeout, Duration queryTimeout) {
    return new PoolSettings(
        maxDaemons,
        idleTimeout,
        Duration.ofSeconds(30),
        // Room for a queue of a few requests to one database, each bounded by the time limit.
        queryTimeout.multipliedBy(3).plusSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofSeconds(2));
  }
}
