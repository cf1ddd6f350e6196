package org.aybdb.sandbox.protocol;

/**
 * What went wrong with a request the daemon answered. The daemon stays usable after every one of
 * these; a daemon that dies or stops answering is reported by the client as a {@code
 * DaemonFailureException} instead.
 */
public enum ErrorKind {
  /** SQLite refused or failed the statement; the message is SQLite's own text. */
  SQL(1),
  /**
   * A write was attempted on a read-only connection (SQLite's primary {@code SQLITE_READONLY} while
   * stepping). ayb maps this to {@code NoWriteAccessError} "Attempted to write to database while in
   * read-only mode".
   */
  READ_ONLY(2),
  /** The per-query time limit ran out; the statement was interrupted and rolled back. */
  TIMEOUT(3),
  /** The SQL text is longer than the daemon's maximum SQL size (the server answers 413). */
  SQL_TOO_LARGE(4),
  /** A TEXT or BLOB value is not valid UTF-8, so it cannot be returned as a string (as ayb). */
  VALUE_NOT_UTF8(5),
  /**
   * The request's statements left a transaction open (BEGIN without COMMIT). Requests are
   * stateless, so it was rolled back; the message says so.
   */
  TRANSACTION_LEFT_OPEN(6),
  /**
   * A write failed because a file would have grown past the daemon's file size limit (RLIMIT_FSIZE)
   * or the disk is full. The statement was rolled back.
   */
  STORAGE_FULL(7),
  /** The request itself is malformed or names something not allowed (e.g. a VACUUM INTO path). */
  BAD_REQUEST(8),
  /** The request uses a feature this daemon does not have yet (e.g. sessions). */
  UNSUPPORTED(9),
  /** A bug or an unexpected failure inside the daemon. */
  INTERNAL(10),
  /**
   * The SQL asked for something its caller's access does not allow (a function, pragma, ATTACH or
   * virtual-table module outside the daemon's allow-lists); the message names what was refused.
   */
  NOT_AUTHORIZED(11);

  private final int code;

  ErrorKind(int code) {
    this.code = code;
  }

  /** The byte on the wire. */
  public int code() {
    return code;
  }

  static ErrorKind fromCode(int code) {
    for (ErrorKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new ProtocolException("Invalid error kind " + code);
  }
}
