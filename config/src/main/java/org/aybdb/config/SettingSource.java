package org.aybdb.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a configuration value came from, for messages.
 *
 * @param description e.g. {@code /srv/ayb.toml} or {@code environment variable AYB__PORT}
 * @param textual whether values are text still to be converted to the key's type (environment)
 * @param environmentVariable the variable's name for environment values
 */
record SettingSource(String description, boolean textual, Optional<String> environmentVariable) {

  static SettingSource file(Path file) {
    return new SettingSource(file.toString(), false, Optional.empty());
  }

  static SettingSource environment(String variable) {
    return new SettingSource("environment variable " + variable, true, Optional.of(variable));
  }

  static SettingSource embeddedDefault(String description) {
    return new SettingSource(description, false, Optional.empty());
  }

  boolean isEnvironment() {
    return environmentVariable.isPresent();
  }

  /**
   * The environment variable that sets a dotted key: {@code email.file.path} →
   * AYB__EMAIL__FILE__PATH.
   */
  static String environmentVariableFor(String key) {
    return EnvironmentOverrides.PREFIX + key.replace(".", "__").toUpperCase(Locale.ROOT);
  }
}
