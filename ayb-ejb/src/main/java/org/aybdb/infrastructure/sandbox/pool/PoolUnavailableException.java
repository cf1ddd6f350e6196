package org.aybdb.infrastructure.sandbox.pool;

import java.time.Duration;

/**
 * The pool cannot serve a request now: it is closed, the database stayed busy (or quiesced) past
 * the wait, or every daemon was busy. Nothing ran; the request may be retried later.
 */
public class PoolUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public PoolUnavailableException(String message) {
    this(message, Duration.ZERO);
  }

  /** Unavailable for a known time (a crashing database's backoff). */
  public PoolUnavailableException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** When the request may be repeated, or zero when unknown. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
