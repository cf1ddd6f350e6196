package org.aybdb.sandbox.daemon;

/** The database engine a daemon serves, chosen by the server from the database's type. */
public enum Engine {
  SQLITE("sqlite"),
  DUCKDB("duckdb");

  private final String word;

  Engine(String word) {
    this.word = word;
  }

  /** The word used on the daemon's command line and in ayb's {@code db-type}. */
  public String word() {
    return word;
  }

  /** The engine named {@code word}; throws IllegalArgumentException for anything else. */
  public static Engine fromWord(String word) {
    for (Engine e : values()) {
      if (e.word.equals(word)) {
        return e;
      }
    }
    throw new IllegalArgumentException("Unknown engine " + word + " (sqlite or duckdb)");
  }
}
