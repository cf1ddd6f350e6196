package org.aybdb.infrastructure.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.aybdb.config.AybConfiguration;
import org.aybdb.config.ConfigurationLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's own data source: from database_url, or unused beside the server's. */
class AybConfigSourceTest {

  @TempDir Path temp;

  @Test
  void databaseUrlDefinesTheApplicationsDataSource() {
    Map<String, String> published = AybConfigSource.publish(load(Map.of()));
    assertEquals(
        "jdbc:sqlite:" + temp.resolve("ayb.sqlite").toAbsolutePath(),
        published.get("ayb.metadata.datasource.url"));
  }

  @Test
  void withAServerDataSourceItsOwnIsAnUnusedMemoryDatabase() {
    Map<String, String> published =
        AybConfigSource.publish(load(Map.of("AYB__METADATA__DATASOURCE_JNDI", "jdbc/ayb")));
    assertEquals("jdbc:sqlite::memory:", published.get("ayb.metadata.datasource.url"));
    assertEquals(
        AybConfigSource.SQLITE_DATA_SOURCE, published.get("ayb.metadata.datasource.class"));
    assertEquals("jdbc/ayb", published.get("ayb.metadata.datasource_jndi"));
    assertTrue(!published.get("ayb.metadata.datasource.user").isEmpty());
  }

  private AybConfiguration load(Map<String, String> variables) {
    Map<String, String> environment = new java.util.HashMap<>(variables);
    environment.put("AYB__DATA_PATH", temp.toString());
    return ConfigurationLoader.load(temp.resolve("absent.toml"), environment);
  }
}
