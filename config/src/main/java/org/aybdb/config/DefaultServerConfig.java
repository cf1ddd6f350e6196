package org.aybdb.config;

/** Renders the starter ayb.toml that `ayb default_server_config` prints (ayb reference §1.3). */
public final class DefaultServerConfig {
  private DefaultServerConfig() {}

  /** The exact text ayb prints, with a freshly generated Fernet key; ends with one newline. */
  public static String render() {
    throw new UnsupportedOperationException("to be implemented");
  }
}
