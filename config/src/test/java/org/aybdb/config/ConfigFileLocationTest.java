package org.aybdb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The system property beats the environment variable, which beats ./ayb.toml. */
class ConfigFileLocationTest {

  private static final Map<String, String> VARIABLE =
      Map.of(ConfigFileLocation.VARIABLE, "/etc/ayb/from-env.toml");

  @Test
  void thePropertyWins() {
    assertEquals(
        Path.of("/srv/ayb/from-property.toml"),
        ConfigFileLocation.resolve("/srv/ayb/from-property.toml", VARIABLE));
  }

  @Test
  void theVariableAppliesWithoutTheProperty() {
    assertEquals(Path.of("/etc/ayb/from-env.toml"), ConfigFileLocation.resolve(null, VARIABLE));
    assertEquals(Path.of("/etc/ayb/from-env.toml"), ConfigFileLocation.resolve(" ", VARIABLE));
  }

  @Test
  void neitherMeansAybTomlInTheWorkingDirectory() {
    Path expected = Path.of("ayb.toml").toAbsolutePath();
    assertEquals(expected, ConfigFileLocation.resolve(null, Map.of()));
    assertEquals(
        expected, ConfigFileLocation.resolve("", Map.of(ConfigFileLocation.VARIABLE, "  ")));
  }

  @Test
  void relativeNamesResolveAgainstTheWorkingDirectory() {
    assertEquals(
        Path.of("conf/ayb.toml").toAbsolutePath().normalize(),
        ConfigFileLocation.resolve("./conf/ayb.toml", Map.of()));
  }

  @Test
  void anInvalidNameSaysWhereItCameFrom() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfigFileLocation.resolve(
                    null, Map.of(ConfigFileLocation.VARIABLE, "bad\0name.toml")));
    assertTrue(
        e.getMessage().contains("environment variable AYB_SERVER_CONFIG_FILE"), e.getMessage());
  }
}
