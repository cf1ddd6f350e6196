package org.aybdb.cli.client.api;

import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;

/**
 * A client command failed with an ayb error: reported by the server, or made on this side as ayb
 * would (no token, an answer that can't be read). The message is the error's display.
 */
public final class ApiException extends CliException {

  private final transient AybError error;

  public ApiException(AybError error) {
    super(ExitCodes.ERROR, error.display());
    this.error = error;
  }

  public AybError error() {
    return error;
  }
}
