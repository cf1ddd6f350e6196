package org.aybdb.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Layers {@code AYB__SECTION__KEY=value} environment variables over the settings, as ayb's
 * config-rs setup does: prefix {@code AYB__}, {@code __} between levels, keys lower-cased. Values
 * stay text here and are converted to each key's type when read.
 */
final class EnvironmentOverrides {

  static final String PREFIX = "AYB__";

  private EnvironmentOverrides() {}

  static void apply(Settings settings, Map<String, String> environment, List<String> warnings) {
    // Sorted so that warnings and "first error" are the same on every run.
    for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
      String name = variable.getKey();
      if (variable.getValue() == null || !name.toUpperCase(Locale.ROOT).startsWith(PREFIX)) {
        continue;
      }
      String[] segments = name.substring(PREFIX.length()).split("__", -1);
      if (Arrays.stream(segments).anyMatch(String::isEmpty)) {
        warnings.add("Environment variable " + name + " names no valid key and is ignored");
        continue;
      }
      String key = String.join(".", segments).toLowerCase(Locale.ROOT);
      settings.put(key, variable.getValue(), SettingSource.environment(name));
    }
  }
}
