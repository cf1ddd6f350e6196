package org.aybdb.config;

import static org.aybdb.config.ConfigFixtures.FERNET_KEY;
import static org.aybdb.config.ConfigFixtures.MINIMAL;
import static org.aybdb.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a configuration can be wrong, and the one message each produces. */
class ConfigurationErrorsTest {

  private static final String SNAPSHOTS =
      """

      [snapshots]
      access_key_id = "k"
      secret_access_key = "s3-secret"
      bucket = "b"
      path_prefix = ""

      [snapshots.automation]
      interval = "10m"
      max_snapshots = 6
      """;

  private static final String SMTP =
      """

      [email.smtp]
      from = "a <a@example.org>"
      reply_to = "b <b@example.org>"
      smtp_host = "localhost"
      smtp_port = 465
      smtp_username = "u"
      smtp_password = "smtp-secret"
      """;

  @TempDir Path temp;
  private String file;

  @BeforeEach
  void absolutePath() {
    file = temp.resolve("ayb.toml").toAbsolutePath().normalize().toString();
  }

  private String failure(String toml) {
    return failure(toml, Map.of());
  }

  private String failure(String toml, Map<String, String> environment) {
    Path path = write(temp, toml);
    return assertThrows(
            ConfigurationException.class, () -> ConfigurationLoader.load(path, environment))
        .getMessage();
  }

  @Test
  void tomlSyntaxErrorsNameFileLineAndColumn() {
    String message = failure("host = \"x\"\nport = 5433\ndata_path = \n");
    assertTrue(message.startsWith("Invalid TOML in " + file + " at line 3, column 13: "), message);
    assertTrue(message.contains("Unexpected end of line"), message);
  }

  @Test
  void duplicateKeysAreSyntaxErrors() {
    String message = failure("host = \"a\"\n" + MINIMAL);
    assertTrue(message.startsWith("Invalid TOML in " + file + " at line 2, column 1: "), message);
  }

  @Test
  void unreadableFile() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("dir.toml"));
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class, () -> ConfigurationLoader.load(directory, Map.of()));
    assertEquals(
        "Cannot read configuration file " + directory + ": it is a directory", e.getMessage());
  }

  @Test
  void missingTopLevelKey() {
    assertEquals(
        "Missing required key `port` in " + file + " (or set AYB__PORT)",
        failure(MINIMAL.replace("port = 5433\n", "")));
  }

  @Test
  void aMissingKeyCanComeFromTheEnvironment() {
    Path path = write(temp, MINIMAL.replace("port = 5433\n", ""));
    assertEquals(5434, ConfigurationLoader.load(path, Map.of("AYB__PORT", "5434")).port());
  }

  @Test
  void missingKeyInsideATableOfTheFile() {
    assertEquals(
        "Missing required key `email.smtp.smtp_password` in "
            + file
            + " (or set AYB__EMAIL__SMTP__SMTP_PASSWORD)",
        failure(MINIMAL + SMTP.replace("smtp_password = \"smtp-secret\"\n", "")));
    assertEquals(
        "Missing required key `snapshots.path_prefix` in "
            + file
            + " (or set AYB__SNAPSHOTS__PATH_PREFIX)",
        failure(MINIMAL + SNAPSHOTS.replace("path_prefix = \"\"\n", "")));
    assertEquals(
        "Missing required key `snapshots.automation.max_snapshots` in "
            + file
            + " (or set AYB__SNAPSHOTS__AUTOMATION__MAX_SNAPSHOTS)",
        failure(MINIMAL + SNAPSHOTS.replace("max_snapshots = 6\n", "")));
    assertEquals(
        "Missing required key `email.file.path` in " + file + " (or set AYB__EMAIL__FILE__PATH)",
        failure(MINIMAL.replace("path = \"./test.jsonl\"\n", "")));
  }

  @Test
  void missingKeyInATableTheEnvironmentCreated() {
    assertEquals(
        "Missing required key `email.smtp.from`: table [email.smtp] was created by environment"
            + " variable AYB__EMAIL__SMTP__SMTP_HOST, so set AYB__EMAIL__SMTP__FROM too",
        failure(MINIMAL, Map.of("AYB__EMAIL__SMTP__SMTP_HOST", "mail.example.org")));
  }

  @Test
  void aMisspelledEnvironmentKeyThatCreatesATableIsPointedOut() {
    // ayb's README mentions AYB__EMAIL__SMTP__HOST; the real key is smtp_host.
    assertEquals(
        "Missing required key `email.smtp.from`: table [email.smtp] was created by environment"
            + " variable AYB__EMAIL__SMTP__HOST, so set AYB__EMAIL__SMTP__FROM too (note:"
            + " `email.smtp.host` is not a known key)",
        failure(MINIMAL, Map.of("AYB__EMAIL__SMTP__HOST", "mail.example.org")));
  }

  @Test
  void wrongTomlTypes() {
    assertEquals(
        "Invalid type for `port` in " + file + ": expected an integer, found a string",
        failure(MINIMAL.replace("port = 5433", "port = \"5433\"")));
    assertEquals(
        "Invalid type for `host` in " + file + ": expected a string, found an integer",
        failure(MINIMAL.replace("host = \"localhost\"", "host = 127")));
    assertEquals(
        "Invalid type for `snapshots.force_path_style` in "
            + file
            + ": expected a boolean, found a string",
        failure(
            MINIMAL + SNAPSHOTS.replace("path_prefix", "force_path_style = \"yes\"\npath_prefix")));
    assertEquals(
        "Invalid type for `server.jvm_options` in "
            + file
            + ": expected an array of strings, found an array",
        failure(MINIMAL + "\n[server]\njvm_options = [1, 2]\n"));
    assertEquals(
        "Invalid type for `email` in " + file + ": expected a table, found a string",
        failure(
            "email = \"x\"\n" + MINIMAL.replace("[email.file]\npath = \"./test.jsonl\"\n", "")));
    assertEquals(
        "Invalid type for `cors.origin` in " + file + ": expected a string, found a table",
        failure(MINIMAL.replace("origin = \"*\"", "origin = { any = true }")));
  }

  @Test
  void environmentTextThatDoesNotConvert() {
    assertEquals(
        "Invalid value for `port` in environment variable AYB__PORT: expected an integer, got"
            + " \"http\"",
        failure(MINIMAL, Map.of("AYB__PORT", "http")));
    assertEquals(
        "Invalid value for `snapshots.force_path_style` in environment variable"
            + " AYB__SNAPSHOTS__FORCE_PATH_STYLE: expected a boolean (true or false), got \"1\"",
        failure(MINIMAL + SNAPSHOTS, Map.of("AYB__SNAPSHOTS__FORCE_PATH_STYLE", "1")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "-1"})
  void badPort(String port) {
    assertEquals(
        "Invalid `port` in " + file + ": " + port + " is not a port number between 1 and 65535",
        failure(MINIMAL.replace("port = 5433", "port = " + port)));
  }

  @Test
  void badSmtpPortFromTheEnvironment() {
    assertEquals(
        "Invalid `email.smtp.smtp_port` in environment variable AYB__EMAIL__SMTP__SMTP_PORT:"
            + " 100000 is not a port number between 1 and 65535",
        failure(MINIMAL + SMTP, Map.of("AYB__EMAIL__SMTP__SMTP_PORT", "100000")));
  }

  @Test
  void badTokenExpiration() {
    assertEquals(
        "Invalid `authentication.token_expiration_seconds` in "
            + file
            + ": 0 is not a positive integer",
        failure(
            MINIMAL.replace("token_expiration_seconds = 3600", "token_expiration_seconds = 0")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not-a-key",
        "6YZ30vB7NenAVb9v1A070jKOroSYFENOUPMpDl79u=",
        "6YZ30vB7NenAVb9v1A070jKOroSYFENOUPMpDl79ul0=AAAA"
      })
  void badFernetKeyInTheFile(String key) {
    String message = failure(MINIMAL.replace(FERNET_KEY, key));
    assertEquals(
        "Missing or invalid Fernet key in authentication.fernet_key ("
            + file
            + ": expected URL-safe base64 of 32 bytes, 44 characters ending in '=', as printed by"
            + " `ayb default_server_config`)",
        message);
  }

  @Test
  void badFernetKeyFromTheEnvironmentDoesNotEchoIt() {
    String message =
        failure(MINIMAL, Map.of("AYB__AUTHENTICATION__FERNET_KEY", "secret-but-wrong"));
    assertTrue(
        message.startsWith(
            "Missing or invalid Fernet key in authentication.fernet_key (environment variable"
                + " AYB__AUTHENTICATION__FERNET_KEY: "),
        message);
    assertFalse(message.contains("secret-but-wrong"), message);
  }

  @Test
  void noEmailBackend() {
    assertEquals(
        "At least one email backend (smtp or file) must be configured. See email configuration"
            + " documentation at https://github.com/marcua/ayb#email-configuration",
        failure(MINIMAL.replace("[email.file]\npath = \"./test.jsonl\"\n", "")));
  }

  @Test
  void unsupportedDatabaseUrl() {
    assertEquals(
        "Database type for mysql://root:***@localhost/ayb is not supported (currently only SQLite"
            + " and PostgreSQL) (database_url in "
            + file
            + ")",
        failure(MINIMAL.replace("sqlite://test.db", "mysql://root:db-secret@localhost/ayb")));
  }

  @Test
  void malformedPostgresqlUrlFromTheEnvironment() {
    String message =
        failure(MINIMAL, Map.of("AYB__DATABASE_URL", "postgresql://ayb:db-secret@localhost"));
    assertTrue(
        message.startsWith("Invalid database_url postgresql://ayb:***@localhost: "), message);
    assertTrue(
        message.endsWith("(database_url in environment variable AYB__DATABASE_URL)"), message);
    assertFalse(message.contains("db-secret"), message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ayb.example.com", "ftp://ayb.example.com", "https://", "http:ayb", "http://a b"})
  void badPublicUrl(String url) {
    String message = failure(MINIMAL.replace("https://example.org", url));
    assertTrue(
        message.startsWith(
            "Invalid `public_url` in "
                + file
                + ": must be an absolute http or https URL such as https://ayb.example.com"),
        message);
  }

  @Test
  void publicUrlWithAQuery() {
    assertEquals(
        "Invalid `public_url` in "
            + file
            + ": must not have a query or fragment, as ayb appends paths",
        failure(MINIMAL.replace("https://example.org", "https://example.org/?x=1")));
  }

  @Test
  void badInterval() {
    assertEquals(
        "Invalid `snapshots.automation.interval` in "
            + file
            + ": Unable to parse duration `10 minutes`: time: unknown unit \" minutes\" in"
            + " duration \"10 minutes\" (Go duration syntax, e.g. 2s, 10m, 1h30m)",
        failure(MINIMAL + SNAPSHOTS.replace("\"10m\"", "\"10 minutes\"")));
    assertEquals(
        "Invalid `snapshots.automation.interval` in " + file + ": `0s` must be longer than zero",
        failure(MINIMAL + SNAPSHOTS.replace("\"10m\"", "\"0s\"")));
    assertEquals(
        "Invalid `snapshots.automation.interval` in environment variable"
            + " AYB__SNAPSHOTS__AUTOMATION__INTERVAL: `-5m` must be longer than zero",
        failure(MINIMAL + SNAPSHOTS, Map.of("AYB__SNAPSHOTS__AUTOMATION__INTERVAL", "-5m")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536"})
  void badMaxSnapshots(String max) {
    assertEquals(
        "Invalid `snapshots.automation.max_snapshots` in "
            + file
            + ": "
            + max
            + " is not between 1 and 65535",
        failure(MINIMAL + SNAPSHOTS.replace("max_snapshots = 6", "max_snapshots = " + max)));
  }

  @Test
  void badEmailRateLimit() {
    assertEquals(
        "Invalid `email.rate_limit_per_hour` in environment variable"
            + " AYB__EMAIL__RATE_LIMIT_PER_HOUR: -1 is not a number of e-mails per hour (0 switches"
            + " the limit off)",
        failure(MINIMAL, Map.of("AYB__EMAIL__RATE_LIMIT_PER_HOUR", "-1")));
    assertEquals(
        "Invalid value for `email.rate_limit_per_hour` in environment variable"
            + " AYB__EMAIL__RATE_LIMIT_PER_HOUR: expected an integer, got \"many\"",
        failure(MINIMAL, Map.of("AYB__EMAIL__RATE_LIMIT_PER_HOUR", "many")));
    assertEquals(
        "Invalid type for `email.rate_limit_per_hour` in "
            + file
            + ": expected an integer, found a string",
        failure(
            MINIMAL.replace(
                "[email.file]", "[email]\nrate_limit_per_hour = \"10\"\n\n[email.file]")));
  }

  @Test
  void badSmtpSecurity() {
    assertEquals(
        "Invalid `email.smtp.security` in "
            + file
            + ": `ssl` is not one of tls (the default), starttls, plain",
        failure(MINIMAL + SMTP + "security = \"ssl\"\n"));
  }

  @Test
  void unsupportedSqliteSnapshotMethod() {
    assertEquals(
        "Invalid `snapshots.sqlite_method` in "
            + file
            + ": `Backup` is not supported; the only method is \"Vacuum\"",
        failure(MINIMAL + SNAPSHOTS.replace("bucket", "sqlite_method = \"Backup\"\nbucket")));
  }

  @Test
  void emptyCorsOrigin() {
    assertEquals(
        "Invalid `cors.origin` in " + file + ": must not be empty",
        failure(MINIMAL.replace("origin = \"*\"", "origin = \" \"")));
  }

  @Test
  void badStartupTimeout() {
    assertEquals(
        "Invalid `server.startup_timeout_seconds` in "
            + file
            + ": 0 is not a positive number of seconds",
        failure(MINIMAL + "\n[server]\nstartup_timeout_seconds = 0\n"));
  }

  @Test
  void badShutdownGrace() {
    assertEquals(
        "Invalid `server.shutdown_grace_seconds` in "
            + file
            + ": -1 is not between 0 and 300 seconds",
        failure(MINIMAL + "\n[server]\nshutdown_grace_seconds = -1\n"));
  }

  @Test
  void anInvalidConfigurationWritesNoKeyFile() {
    Path dataPath = temp.resolve("data");
    String toml =
        MINIMAL
            .replace("fernet_key = \"" + FERNET_KEY + "\"\n", "")
            .replace("data_path = \"./test_data\"", "data_path = '" + dataPath + "'")
            .replace("port = 5433", "port = 0");
    failure(toml);
    assertFalse(Files.exists(dataPath));
  }
}
