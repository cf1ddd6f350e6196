package org.aybdb.sandbox.sqlite;

/** A failed SQLite call: the extended result code and SQLite's own message. */
public class SqliteException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final int systemErrno;

  public SqliteException(int code, String message, int systemErrno) {
    super(message);
    this.code = code;
    this.systemErrno = systemErrno;
  }

  /** The extended result code. */
  public int code() {
    return code;
  }

  /** The primary result code (the low byte of the extended one). */
  public int primaryCode() {
    return code & 0xff;
  }

  /** The errno of the last failed system call SQLite made, if any (0 otherwise). */
  public int systemErrno() {
    return systemErrno;
  }
}
