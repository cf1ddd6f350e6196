package org.aybdb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code ayb --version}: the Maven project version, filtered into version.properties. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"ayb " + version()};
  }

  /** The project version, e.g. {@code 0.1.0}; {@code unknown} if it is not packaged. */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Fall through to "unknown".
    }
    return properties.getProperty("version", "unknown");
  }
}
