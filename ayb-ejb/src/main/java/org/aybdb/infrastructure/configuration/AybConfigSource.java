package org.aybdb.infrastructure.configuration;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.aybdb.config.AybConfiguration;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Publishes every ayb configuration value to MicroProfile Config under the prefix {@code ayb.} (for
 * example {@code ayb.port}, {@code ayb.metadata.datasource_jndi}), for the application and for
 * server settings that refer to them.
 */
public class AybConfigSource implements ConfigSource {

  static final String PREFIX = "ayb.";

  private volatile Map<String, String> properties;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> result = properties;
    if (result == null) {
      result = publish(LoadedConfiguration.get());
      properties = result;
    }
    return result;
  }

  static Map<String, String> publish(AybConfiguration configuration) {
    Map<String, String> published = new HashMap<>();
    configuration.asProperties().forEach((key, value) -> published.put(PREFIX + key, value));
    return Map.copyOf(published);
  }

  @Override
  public Set<String> getPropertyNames() {
    return getProperties().keySet();
  }

  @Override
  public String getValue(String propertyName) {
    if (propertyName == null || !propertyName.startsWith(PREFIX)) {
      return null;
    }
    return getProperties().get(propertyName);
  }

  @Override
  public String getName() {
    return "ayb.toml";
  }

  @Override
  public int getOrdinal() {
    // Above system properties (400): ayb.toml with AYB__ overrides is the one source of truth.
    return 450;
  }
}
