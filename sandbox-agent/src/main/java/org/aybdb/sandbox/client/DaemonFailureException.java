package org.aybdb.sandbox.client;

/**
 * The daemon could not be started, died, stopped answering in time or broke the protocol. The
 * {@link DaemonProcess} has been killed and must be discarded; a new one serves the next request.
 */
public class DaemonFailureException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The process could not be started, or exited before saying hello. */
    START_FAILED,
    /** The process exited (crash, kill -9, sandbox violation) during a request. */
    DIED,
    /** No complete answer within the client's timeout; the process was killed. */
    TIMEOUT,
    /** The process sent something that is not the protocol. */
    PROTOCOL
  }

  private final Reason reason;

  public DaemonFailureException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
