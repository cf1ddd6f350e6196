package org.aybdb.sandbox.protocol;

/** Why a result was cut short, if it was. */
public enum Truncation {
  /** The whole result was returned. */
  NONE(0),
  /** More rows than the request's {@code maxRows}: only the first {@code maxRows} were returned. */
  ROWS(1),
  /** The rows returned so far reached the request's {@code maxBytes}; the rest were dropped. */
  BYTES(2);

  private final int code;

  Truncation(int code) {
    this.code = code;
  }

  /** The byte on the wire. */
  public int code() {
    return code;
  }

  static Truncation fromCode(int code) {
    for (Truncation t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new ProtocolException("Invalid truncation code " + code);
  }
}
