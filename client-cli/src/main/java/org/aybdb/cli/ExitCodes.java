package org.aybdb.cli;

/**
 * The exit statuses of {@code ayb}. Small numbers follow the usual shell conventions; {@link
 * #CONFIG} is BSD sysexits' {@code EX_CONFIG} so that scripts can tell a bad ayb.toml from a server
 * that failed to start.
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** A handled failure: the server could not start, stopped unexpectedly, ... */
  public static final int ERROR = 1;

  /** An unexpected internal error (a bug in ayb); the message still goes out as one line. */
  public static final int SOFTWARE = 1;

  /** Wrong command line: unknown option, missing argument, no subcommand. */
  public static final int USAGE = 2;

  /** The server configuration (ayb.toml or AYB__ variables) is missing, unreadable or invalid. */
  public static final int CONFIG = 78;

  private ExitCodes() {}
}
