package org.aybdb.config;

import java.util.Map;

/** Flattens an {@link AybConfiguration} into ayb's dotted key names. */
final class ConfigurationProperties {
  private ConfigurationProperties() {}

  static Map<String, String> flatten(AybConfiguration configuration) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
