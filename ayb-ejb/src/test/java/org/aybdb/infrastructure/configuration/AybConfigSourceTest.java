package org.aybdb.infrastructure.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.aybdb.config.AybConfiguration;
import org.aybdb.config.ConfigurationLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every ayb setting as MicroProfile Config values. */
class AybConfigSourceTest {

  @TempDir Path temp;

  @Test
  void everyValueIsPublishedUnderThePrefix() {
    Map<String, String> published =
        AybConfigSource.publish(load(Map.of("AYB__METADATA__DATASOURCE_JNDI", "jdbc/ayb")));
    assertEquals("jdbc/ayb", published.get("ayb.metadata.datasource_jndi"));
    assertEquals(temp.toString(), published.get("ayb.data_path"));
    assertTrue(published.keySet().stream().allMatch(key -> key.startsWith("ayb.")));
  }

  private AybConfiguration load(Map<String, String> variables) {
    Map<String, String> environment = new java.util.HashMap<>(variables);
    environment.put("AYB__DATA_PATH", temp.toString());
    return ConfigurationLoader.load(temp.resolve("absent.toml"), environment);
  }
}
