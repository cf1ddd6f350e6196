package org.aybdb.sandbox.protocol;

/** A frame that does not follow the protocol (bad type, bad length, truncated body). */
public class ProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProtocolException(String message) {
    super(message);
  }
}
