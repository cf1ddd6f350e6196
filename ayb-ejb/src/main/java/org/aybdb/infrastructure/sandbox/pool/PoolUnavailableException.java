package org.aybdb.infrastructure.sandbox.pool;

/**
 * The pool cannot serve a request now: it is closed, the database stayed busy (or quiesced) past
 * the wait, or every daemon was busy. Nothing ran; the request may be retried later.
 */
public class PoolUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public PoolUnavailableException(String message) {
    super(message);
  }
}
