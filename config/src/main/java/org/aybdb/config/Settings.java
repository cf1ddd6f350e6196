package org.aybdb.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raw configuration values by dotted key ({@code email.smtp.smtp_port}) before typing and
 * validation, with the tables that exist and where each came from. Later layers replace values of
 * earlier ones (environment beats file).
 */
final class Settings {

  /** One raw value: a TOML value (String, Long, Boolean, ...) or environment text. */
  record Value(String key, Object value, SettingSource source) {}

  private final Map<String, Value> values = new LinkedHashMap<>();
  private final Map<String, SettingSource> tables = new LinkedHashMap<>();

  /** Sets {@code key}, replacing an earlier value, and creates the tables above it. */
  void put(String key, Object value, SettingSource source) {
    values.put(key, new Value(key, value, source));
    createParentTables(key, source);
  }

  /** Sets {@code key} only if no layer set it yet (defaults). */
  void putIfAbsent(String key, Object value, SettingSource source) {
    if (!values.containsKey(key)) {
      put(key, value, source);
    }
  }

  /** Records that table {@code key} exists (possibly empty), keeping the first source. */
  void putTable(String key, SettingSource source) {
    tables.putIfAbsent(key, source);
    createParentTables(key, source);
  }

  Optional<Value> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  Optional<SettingSource> table(String key) {
    return Optional.ofNullable(tables.get(key));
  }

  Collection<Value> values() {
    return List.copyOf(values.values());
  }

  private void createParentTables(String key, SettingSource source) {
    List<String> parents = new ArrayList<>();
    int dot = key.indexOf('.');
    while (dot > 0) {
      parents.add(key.substring(0, dot));
      dot = key.indexOf('.', dot + 1);
    }
    parents.forEach(parent -> tables.putIfAbsent(parent, source));
  }
}
