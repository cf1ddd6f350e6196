package org.aybdb.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a server JVM finds its ayb.toml: the system property {@value #PROPERTY}, else the
 * environment variable {@value #VARIABLE}, else {@value #DEFAULT} in the working directory. A blank
 * value counts as unset. The property wins because it belongs to one JVM, while the environment of
 * an application server is shared by everything it runs.
 */
public final class ConfigFileLocation {

  /** The system property; `ayb server` sets it on the Payara Micro command line. */
  public static final String PROPERTY = "ayb.config.file";

  /** The environment variable, also read by `ayb server`. */
  public static final String VARIABLE = "AYB_SERVER_CONFIG_FILE";

  /** The file used when neither is set. */
  public static final String DEFAULT = "ayb.toml";

  private ConfigFileLocation() {}

  /**
   * @param systemProperty the value of {@value #PROPERTY}, or null
   * @param environment usually {@code System.getenv()}
   * @return the absolute path of the file to read (it may not exist: then the embedded default)
   * @throws ConfigurationException if the chosen name is not a valid path, naming its source
   */
  public static Path resolve(String systemProperty, Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    String name = systemProperty;
    String source = "system property " + PROPERTY;
    if (name == null || name.isBlank()) {
      name = environment.get(VARIABLE);
      source = "environment variable " + VARIABLE;
    }
    if (name == null || name.isBlank()) {
      return Path.of(DEFAULT).toAbsolutePath();
    }
    try {
      return Path.of(name.strip()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ConfigurationException(
          "Invalid configuration file name `" + name + "` in " + source + ": " + e.getReason(), e);
    }
  }
}
