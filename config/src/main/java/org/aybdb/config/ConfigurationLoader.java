package org.aybdb.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Loads an {@link AybConfiguration}: the TOML file if it exists, then {@code AYB__SECTION__KEY}
 * environment overrides (env beats file), then validation. With no file, the embedded default
 * applies and the Fernet key is read from (or generated once into) {@code
 * <data_path>/fernet.key}.
 */
public final class ConfigurationLoader {
  private ConfigurationLoader() {}

  /**
   * @param file the ayb.toml to read; a missing file means the embedded default
   * @param environment usually {@code System.getenv()}
   * @throws ConfigurationException for anything invalid, with a message naming key and source
   */
  public static AybConfiguration load(Path file, Map<String, String> environment) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
