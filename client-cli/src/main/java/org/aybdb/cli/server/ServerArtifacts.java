package org.aybdb.cli.server;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;

/**
 * Where Payara Micro and the ayb WAR are: bin/ayb passes both as system properties pointing into
 * the Maven build output.
 *
 * @param payaraMicroJar payara-micro.jar, run with {@code java -jar}
 * @param war ayb-web.war, deployed at context root {@code /}
 */
public record ServerArtifacts(Path payaraMicroJar, Path war) {

  static final String PAYARA_JAR_PROPERTY = "ayb.payara.jar";
  static final String WAR_PROPERTY = "ayb.war";
  static final String BUILD_HINT = "run ./mvnw -q package -DskipTests in the ayb directory";

  /** Reads and checks {@code -Dayb.payara.jar} and {@code -Dayb.war}. */
  public static ServerArtifacts fromSystemProperties() {
    return new ServerArtifacts(
        locate(PAYARA_JAR_PROPERTY, "Payara Micro"), locate(WAR_PROPERTY, "the ayb web archive"));
  }

  private static Path locate(String property, String what) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new CliException(
          ExitCodes.ERROR,
          "cannot find "
              + what
              + ": the system property "
              + property
              + " is not set (start ayb with bin/ayb; "
              + BUILD_HINT
              + " first)");
    }
    Path path;
    try {
      path = Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new CliException(ExitCodes.ERROR, "invalid path for " + what + ": " + value);
    }
    if (!Files.isRegularFile(path)) {
      throw new CliException(
          ExitCodes.ERROR,
          what + " not found at " + path + "; ayb is not built yet, " + BUILD_HINT);
    }
    return path;
  }
}
