package org.aybdb.infrastructure.configuration;

import java.nio.file.Path;
import org.aybdb.config.AybConfiguration;
import org.aybdb.config.ConfigFileLocation;
import org.aybdb.config.ConfigurationLoader;

/**
 * The one configuration of this server process, loaded once. The config source and the CDI producer
 * both read it from here so that a generated Fernet key or a parse happens only once.
 */
public final class LoadedConfiguration {

  private static volatile AybConfiguration configuration;

  private LoadedConfiguration() {}

  public static AybConfiguration get() {
    AybConfiguration result = configuration;
    if (result == null) {
      synchronized (LoadedConfiguration.class) {
        result = configuration;
        if (result == null) {
          result = ConfigurationLoader.load(configFile(), System.getenv());
          configuration = result;
        }
      }
    }
    return result;
  }

  static Path configFile() {
    return ConfigFileLocation.resolve(
        System.getProperty(ConfigFileLocation.PROPERTY), System.getenv());
  }
}
