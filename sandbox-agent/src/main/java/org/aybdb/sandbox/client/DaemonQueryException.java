package org.aybdb.sandbox.client;

import org.aybdb.sandbox.protocol.ErrorKind;
import org.aybdb.sandbox.protocol.Response;

/** The daemon answered a request with an error. The daemon is still healthy. */
public class DaemonQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Response.Error error;

  public DaemonQueryException(Response.Error error) {
    super(error.kind() + ": " + error.message());
    this.error = error;
  }

  /** The error frame. */
  public Response.Error error() {
    return error;
  }

  /** What kind of error. */
  public ErrorKind kind() {
    return error.kind();
  }

  /** SQLite's (or the daemon's) message text, without the kind prefix. */
  public String errorMessage() {
    return error.message();
  }
}
