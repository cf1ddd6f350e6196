package org.aybdb.infrastructure.sandbox.pool;

import java.time.Duration;

/**
 * What the pool reports as it goes (for metrics and logs). Callbacks must be quick and not throw.
 */
public interface PoolListener {

  /** Why a daemon was retired. */
  enum Retirement {
    /** Least recently used idle daemon, to make room under the bound. */
    LRU,
    /** Unused for longer than the idle timeout. */
    IDLE,
    /** Failed validation (no answer to a ping). */
    INVALID,
    /** Its database was quiesced or switched to another file. */
    SWITCHED,
    /** Its request was cancelled by the caller (killed like a request past its deadline). */
    CANCELLED,
    /** The pool closed. */
    SHUTDOWN,
    /**
     * Killed because its request passed the client deadline (work SQLite cannot interrupt, such as
     * one long {@code instr} call): the request's own doing, so not a crash and no backoff.
     */
    DEADLINE
  }

  /** A daemon started and said hello. */
  default void spawned(String database, long pid, Duration took) {}

  /** A daemon could not be started. */
  default void spawnFailed(String database, String reason) {}

  /** The pool retired a daemon. */
  default void retired(String database, long pid, Retirement why) {}

  /** A daemon exited without being retired (crash, kill, sandbox violation). */
  default void crashed(String database, long pid, String detail) {}

  /**
   * A request was refused without starting a daemon: {@code database}'s daemon crashed repeatedly
   * and may start again in {@code retryAfter}.
   */
  default void backedOff(String database, Duration retryAfter) {}

  /** A request ran on a daemon; {@code outcome} is {@code ok}, {@code error} or {@code failure}. */
  default void queried(String database, Duration took, String outcome) {}

  /** A listener that ignores everything. */
  PoolListener NONE = new PoolListener() {};
}
