package org.aybdb.cli;

/**
 * The exit statuses of {@code ayb}. Small numbers follow the usual shell conventions; {@link
 * #CONFIG} is BSD sysexits' {@code EX_CONFIG} so that scripts can tell a bad ayb.toml from a server
 * that failed to start.
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /**
   * A handled failure: the server could not start, stopped unexpectedly, the ayb server answered a
   * client command with an error, ...
   */
  public static final int ERROR = 1;

  /** An unexpected internal error (a bug in ayb); the message still goes out as one line. */
  public static final int SOFTWARE = 1;

  /** Wrong command line: unknown option, missing argument, no subcommand. */
  public static final int USAGE = 2;

  /**
   * The server could not be reached: connection refused, unknown host, timeout, TLS failure (BSD
   * sysexits' {@code EX_UNAVAILABLE}).
   */
  public static final int UNAVAILABLE = 69;

  /**
   * A configuration is missing, unreadable or invalid: the server's (ayb.toml or AYB__ variables)
   * or the client's (ayb.json, no server URL, a malformed server URL).
   */
  public static final int CONFIG = 78;

  private ExitCodes() {}
}
