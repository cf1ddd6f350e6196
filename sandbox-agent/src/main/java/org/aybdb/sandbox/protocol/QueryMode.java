package org.aybdb.sandbox.protocol;

/** How a query's connection is opened. Read-only uses {@code SQLITE_OPEN_READONLY}. */
public enum QueryMode {
  READ_ONLY(0),
  READ_WRITE(1);

  private final int code;

  QueryMode(int code) {
    this.code = code;
  }

  /** The byte on the wire. */
  public int code() {
    return code;
  }

  static QueryMode fromCode(int code) {
    for (QueryMode mode : values()) {
      if (mode.code == code) {
        return mode;
      }
    }
    throw new ProtocolException("Invalid query mode " + code + ", must be 0 or 1");
  }
}
