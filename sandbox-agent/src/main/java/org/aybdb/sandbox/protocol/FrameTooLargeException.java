package org.aybdb.sandbox.protocol;

/**
 * A frame longer than the reader accepts. The reader has skipped its body, so the stream is still
 * in step and the request with {@link #id()} can be answered with an error.
 */
public class FrameTooLargeException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private final long id;
  private final long length;

  public FrameTooLargeException(long id, long length, int maximum) {
    super("Frame of " + length + " bytes is larger than the maximum of " + maximum);
    this.id = id;
    this.length = length;
  }

  /** The id of the oversized request. */
  public long id() {
    return id;
  }

  /** The frame's length. */
  public long length() {
    return length;
  }
}
