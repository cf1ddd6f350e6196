package org.aybdb.config;

import static org.aybdb.config.ConfigFixtures.MINIMAL;
import static org.aybdb.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [metadata] datasource_jndi}: from the file, from AYB__, and left out. */
class MetadataDataSourceConfigurationTest {

  private static final String WITH_JNDI =
      MINIMAL + "\n[metadata]\ndatasource_jndi = \"jdbc/ayb\"\n";

  @TempDir Path temp;

  @Test
  void isAbsentByDefaultSoDatabaseUrlDecides() {
    AybConfiguration config = ConfigurationLoader.load(temp.resolve("absent.toml"), Map.of());
    assertEquals(Optional.empty(), config.metadata().dataSourceJndi());
    assertEquals("sqlite", config.metadataStore().dialect());
    assertTrue(!config.asProperties().containsKey("metadata.datasource_jndi"));
  }

  @Test
  void comesFromTheFileWithoutAWarning() {
    ConfigurationLoader.Loaded loaded =
        ConfigurationLoader.loadWithWarnings(write(temp, WITH_JNDI), Map.of());
    assertEquals(List.of(), loaded.warnings());
    assertEquals(Optional.of("jdbc/ayb"), loaded.configuration().metadata().dataSourceJndi());
    assertEquals("jdbc/ayb", loaded.configuration().asProperties().get("metadata.datasource_jndi"));
  }

  @Test
  void theEnvironmentBeatsTheFileAndWorksWithoutOne() {
    Map<String, String> environment =
        Map.of("AYB__METADATA__DATASOURCE_JNDI", " java:jboss/datasources/ayb ");
    assertEquals(
        Optional.of("java:jboss/datasources/ayb"),
        ConfigurationLoader.load(write(temp, WITH_JNDI), environment).metadata().dataSourceJndi());
    assertEquals(
        Optional.of("java:jboss/datasources/ayb"),
        ConfigurationLoader.load(temp.resolve("absent.toml"), environment)
            .metadata()
            .dataSourceJndi());
  }

  @Test
  void anEmptyOverrideSwitchesItOff() {
    AybConfiguration config =
        ConfigurationLoader.load(
            write(temp, WITH_JNDI), Map.of("AYB__METADATA__DATASOURCE_JNDI", ""));
    assertEquals(Optional.empty(), config.metadata().dataSourceJndi());
  }

  @Test
  void aNameWithASpaceOrAWrongTypeIsRefusedNamingTheKey() {
    ConfigurationException spaced =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfigurationLoader.load(
                    temp.resolve("absent.toml"),
                    Map.of("AYB__METADATA__DATASOURCE_JNDI", "jdbc/ayb pool")));
    assertTrue(spaced.getMessage().contains("metadata.datasource_jndi"), spaced.getMessage());
    assertTrue(spaced.getMessage().contains("AYB__METADATA__DATASOURCE_JNDI"), spaced.getMessage());

    ConfigurationException number =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfigurationLoader.load(
                    write(temp, MINIMAL + "\n[metadata]\ndatasource_jndi = 5\n"), Map.of()));
    assertTrue(number.getMessage().contains("metadata.datasource_jndi"), number.getMessage());
  }
}
