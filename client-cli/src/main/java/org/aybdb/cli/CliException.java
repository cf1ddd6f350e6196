package org.aybdb.cli;

/**
 * A failure a command reports to the person at the terminal: {@link Ayb} prints {@code Error:
 * <message>} on stderr (never a stack trace) and exits with {@link #exitCode()}.
 */
public class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** One of {@link ExitCodes}. */
  public int exitCode() {
    return exitCode;
  }
}
