package org.aybdb.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.aybdb.cli.CommandRun;
import org.aybdb.cli.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ayb server} failures that happen before any server process starts. */
class ServerCommandTest {

  @TempDir Path directory;

  private String payaraJar;
  private String war;

  @BeforeEach
  void clearArtifactProperties() {
    payaraJar = System.clearProperty(ServerArtifacts.PAYARA_JAR_PROPERTY);
    war = System.clearProperty(ServerArtifacts.WAR_PROPERTY);
  }

  @AfterEach
  void restoreArtifactProperties() {
    restore(ServerArtifacts.PAYARA_JAR_PROPERTY, payaraJar);
    restore(ServerArtifacts.WAR_PROPERTY, war);
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }

  @Test
  void invalidConfigurationIsOneLineNamingTheKey() throws IOException {
    Path config =
        write(
            "ayb.toml",
            """
            host = "0.0.0.0"
            port = "abc"
            database_url = "sqlite://ayb_data/ayb.sqlite"
            data_path = "./ayb_data"

            [email.file]
            path = "./ayb_data/emails.jsonl"

            [cors]
            origin = "*"
            """);

    CommandRun run = CommandRun.run("server", "--config", config.toString());

    assertConfigurationError(run, "`port`");
    assertTrue(run.err().contains(config.toString()), run.err());
  }

  @Test
  void configurationFileFromTheEnvironment() throws IOException {
    Path config = write("elsewhere.toml", "port = \"abc\"\n");

    CommandRun run =
        CommandRun.run(Map.of(ServerCommand.CONFIG_FILE_VARIABLE, config.toString()), "server");

    assertConfigurationError(run, config.toString());
  }

  @Test
  void invalidEnvironmentOverrideIsOneLineNamingTheVariable() throws IOException {
    Path config = write("valid.toml", validConfiguration());

    CommandRun run =
        CommandRun.run(Map.of("AYB__PORT", "abc"), "server", "--config", config.toString());

    assertConfigurationError(run, "AYB__PORT");
  }

  @Test
  void missingBuildOutputIsExplained() throws IOException {
    Path config = write("valid.toml", validConfiguration());

    CommandRun run = CommandRun.run("server", "--config", config.toString());

    assertEquals(ExitCodes.ERROR, run.status());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("Error: cannot find Payara Micro"), run.err());
    assertTrue(run.err().contains("./mvnw -q package -DskipTests"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void missingWarIsExplained() throws IOException {
    Path config = write("valid.toml", validConfiguration());
    Path jar = write("payara-micro.jar", "");
    System.setProperty(ServerArtifacts.PAYARA_JAR_PROPERTY, jar.toString());
    System.setProperty(ServerArtifacts.WAR_PROPERTY, directory.resolve("missing.war").toString());

    CommandRun run = CommandRun.run("server", "--config", config.toString());

    assertEquals(ExitCodes.ERROR, run.status());
    assertEquals(
        "Error: the ayb web archive not found at "
            + directory.resolve("missing.war")
            + "; ayb is not built yet, run ./mvnw -q package -DskipTests in the ayb directory\n",
        run.err());
  }

  private String validConfiguration() {
    String data = directory.resolve("data").toString().replace("\\", "/");
    return """
        host = "127.0.0.1"
        port = 5433
        database_url = "sqlite://%1$s/ayb.sqlite"
        data_path = "%1$s"

        [authentication]
        fernet_key = "y2WZN1y4fWdOR1JZVfAHhv6gQ7xsjkLqbq8pc4JCZDs="
        token_expiration_seconds = 3600

        [email.file]
        path = "%1$s/emails.jsonl"

        [cors]
        origin = "*"
        """
        .formatted(data);
  }

  private static void assertConfigurationError(CommandRun run, String key) {
    assertEquals(ExitCodes.CONFIG, run.status(), run.err());
    assertEquals("", run.out());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("Error: "), run.err());
    assertTrue(run.err().contains(key), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(directory.resolve(name), text);
  }
}
