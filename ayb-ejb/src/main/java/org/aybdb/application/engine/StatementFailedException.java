package org.aybdb.application.engine;

import org.aybdb.application.AybException;

/**
 * A statement of an atomic {@link StatementBatch} failed, so none of the batch was kept. Its
 * message starts with {@code statements[index]: }; the error body also names the index.
 */
public class StatementFailedException extends AybException {

  private static final long serialVersionUID = 1L;

  private final int index;

  /**
   * @param index the failing statement's 0-based position in the batch
   * @param cause what the engine reported for it
   */
  public StatementFailedException(int index, AybException cause) {
    super(cause.type(), cause.kind(), "statements[" + index + "]: " + cause.errorMessage());
    this.index = index;
  }

  /** The failing statement's 0-based position in the batch. */
  public int index() {
    return index;
  }
}
