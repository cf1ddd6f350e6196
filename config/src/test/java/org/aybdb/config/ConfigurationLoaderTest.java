package org.aybdb.config;

import static org.aybdb.config.ConfigFixtures.FERNET_KEY;
import static org.aybdb.config.ConfigFixtures.FULL;
import static org.aybdb.config.ConfigFixtures.MINIMAL;
import static org.aybdb.config.ConfigFixtures.load;
import static org.aybdb.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aybdb.config.AybConfiguration.Automation;
import org.aybdb.config.AybConfiguration.Smtp;
import org.aybdb.config.AybConfiguration.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationLoaderTest {

  @TempDir Path temp;

  @Test
  void readsEveryKeyOfAFullFile() {
    Path file = write(temp, FULL);
    ConfigurationLoader.Loaded loaded = ConfigurationLoader.loadWithWarnings(file, Map.of());
    AybConfiguration config = loaded.configuration();

    assertEquals(List.of(), loaded.warnings());
    assertEquals("127.0.0.1", config.host());
    assertEquals(8080, config.port());
    assertEquals(Optional.of("https://ayb.example.com"), config.publicUrl(), "slash stripped");
    assertEquals("https://ayb.example.com", config.publicBaseUrl());
    assertEquals(
        "postgresql://ayb:db-secret@db.example.com:5432/ayb?currentSchema=meta",
        config.databaseUrl());
    assertEquals(Path.of("/var/lib/ayb"), config.dataPath());
    assertEquals(FERNET_KEY, config.authentication().fernetKey());
    assertEquals(7200, config.authentication().tokenExpirationSeconds());
    assertEquals(
        Optional.of(
            new Smtp(
                "Server Sender <server@example.org>",
                "Server Reply <replyto@example.org>",
                "smtp.example.org",
                587,
                "login@example.org",
                "smtp-secret",
                "starttls")),
        config.email().smtp());
    assertEquals(Path.of("/var/log/ayb/emails.jsonl"), config.email().file().orElseThrow().path());
    assertEquals(5, config.email().rateLimitPerHour());
    assertEquals("https://app.example.com", config.cors().origin());
    assertFalse(config.cors().allowsAnyOrigin());
    assertEquals(
        Optional.of(
            new Snapshots(
                "Vacuum",
                "AKIAEXAMPLE",
                "s3-secret",
                "ayb-snapshots",
                "",
                Optional.of("http://minio:9000"),
                Optional.of("eu-west-1"),
                true,
                Optional.of(new Automation(Duration.ofMinutes(90), 6)))),
        config.snapshots());
    assertEquals(List.of("-Xmx256m", "-XX:+UseSerialGC"), config.server().jvmOptions());
    assertEquals(60, config.server().startupTimeoutSeconds());
    assertEquals(9, config.server().shutdownGraceSeconds());
    assertEquals(file.toAbsolutePath().normalize().toString(), config.source());
    assertEquals("postgresql", config.metadataStore().dialect());
  }

  @Test
  void optionalKeysTakeTheirDefaults() {
    AybConfiguration config =
        load(
            temp,
            MINIMAL.replace("public_url = \"https://example.org\"\n", "")
                + """
                [email.smtp]
                from = "a <a@example.org>"
                reply_to = "b <b@example.org>"
                smtp_host = "localhost"
                smtp_port = 465
                smtp_username = "u"
                smtp_password = "p"

                [snapshots]
                access_key_id = "k"
                secret_access_key = "s"
                bucket = "b"
                path_prefix = "ayb"
                """,
            Map.of());
    assertEquals(Optional.empty(), config.publicUrl());
    assertEquals("http://localhost:5433", config.publicBaseUrl());
    assertEquals("tls", config.email().smtp().orElseThrow().security());
    assertEquals(10, config.email().rateLimitPerHour());
    Snapshots snapshots = config.snapshots().orElseThrow();
    assertEquals("Vacuum", snapshots.sqliteMethod());
    assertFalse(snapshots.forcePathStyle());
    assertEquals(Optional.empty(), snapshots.region());
    assertEquals(Optional.empty(), snapshots.endpointUrl());
    assertEquals(Optional.empty(), snapshots.automation());
    assertEquals(AybConfiguration.Server.defaults(), config.server());
    assertEquals(
        List.of(
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:MaxRAMPercentage=25",
            "-XX:+ExitOnOutOfMemoryError"),
        config.server().jvmOptions());
    assertEquals(240, config.server().startupTimeoutSeconds());
    assertEquals(5, config.server().shutdownGraceSeconds());
  }

  @Test
  void environmentBeatsTheFile() {
    // ayb's own unit test: public_url and a nested key; plus an integer at the top level.
    AybConfiguration withoutEnv = load(temp, MINIMAL, Map.of());
    assertEquals(Optional.of("https://example.org"), withoutEnv.publicUrl());
    assertEquals(3600, withoutEnv.authentication().tokenExpirationSeconds());

    AybConfiguration config =
        load(
            temp,
            MINIMAL,
            Map.of(
                "AYB__PUBLIC_URL", "https://example.net",
                "AYB__AUTHENTICATION__TOKEN_EXPIRATION_SECONDS", "7200",
                "AYB__PORT", "8080",
                "AYB_SERVER_CONFIG_FILE", "ignored.toml",
                "PATH", "/usr/bin"));
    assertEquals(Optional.of("https://example.net"), config.publicUrl());
    assertEquals(7200, config.authentication().tokenExpirationSeconds());
    assertEquals(8080, config.port());
    assertEquals("localhost", config.host(), "keys the environment leaves alone stay");
  }

  @Test
  void environmentCreatesTablesTheFileLacks() {
    String withoutEmail = MINIMAL.replace("[email.file]\npath = \"./test.jsonl\"\n", "");
    AybConfiguration config =
        load(
            temp,
            withoutEmail,
            Map.ofEntries(
                Map.entry("AYB__EMAIL__FILE__PATH", "/tmp/mails.jsonl"),
                Map.entry("AYB__SNAPSHOTS__ACCESS_KEY_ID", "k"),
                Map.entry("AYB__SNAPSHOTS__SECRET_ACCESS_KEY", "s"),
                Map.entry("AYB__SNAPSHOTS__BUCKET", "b"),
                Map.entry("AYB__SNAPSHOTS__PATH_PREFIX", ""),
                Map.entry("AYB__SNAPSHOTS__FORCE_PATH_STYLE", "TRUE"),
                Map.entry("AYB__SNAPSHOTS__AUTOMATION__INTERVAL", "2s"),
                Map.entry("AYB__SNAPSHOTS__AUTOMATION__MAX_SNAPSHOTS", "3"),
                Map.entry("AYB__SERVER__JVM_OPTIONS", "  -Xmx128m   -XX:+UseSerialGC "),
                Map.entry("AYB__SERVER__STARTUP_TIMEOUT_SECONDS", "30")));
    assertEquals(Path.of("/tmp/mails.jsonl"), config.email().file().orElseThrow().path());
    Snapshots snapshots = config.snapshots().orElseThrow();
    assertTrue(snapshots.forcePathStyle());
    assertEquals("", snapshots.pathPrefix());
    assertEquals(Optional.of(new Automation(Duration.ofSeconds(2), 3)), snapshots.automation());
    assertEquals(List.of("-Xmx128m", "-XX:+UseSerialGC"), config.server().jvmOptions());
    assertEquals(30, config.server().startupTimeoutSeconds());
  }

  @Test
  void environmentKeysAreCaseInsensitiveAndSecretsComeFromThere() {
    String smtp =
        """
        [email.smtp]
        from = "a <a@example.org>"
        reply_to = "b <b@example.org>"
        smtp_host = "localhost"
        smtp_port = 465
        smtp_username = "u"
        smtp_password = "in-file"
        """;
    AybConfiguration config =
        load(
            temp,
            MINIMAL + smtp,
            Map.of(
                "AYB__EMAIL__SMTP__SMTP_PASSWORD", "from-env",
                "AYB__Email__Smtp__Security", "plain",
                "AYB__AUTHENTICATION__FERNET_KEY", "Tc8E-Pc9pFBazo7dXYhJKKswZNXcvmLdqYgqFlKhI6E="));
    assertEquals("from-env", config.email().smtp().orElseThrow().smtpPassword());
    assertEquals("plain", config.email().smtp().orElseThrow().security());
    assertEquals(
        "Tc8E-Pc9pFBazo7dXYhJKKswZNXcvmLdqYgqFlKhI6E=", config.authentication().fernetKey());
  }

  @Test
  void theEmailRateLimitComesFromTheEnvironmentAndZeroSwitchesItOff() {
    assertEquals(
        3,
        load(temp, MINIMAL, Map.of("AYB__EMAIL__RATE_LIMIT_PER_HOUR", "3"))
            .email()
            .rateLimitPerHour());
    assertEquals(
        0,
        load(
                temp,
                MINIMAL.replace("[email.file]", "[email]\nrate_limit_per_hour = 0\n\n[email.file]"),
                Map.of())
            .email()
            .rateLimitPerHour());
    AybConfiguration embedded =
        ConfigurationLoader.load(
            temp.resolve("absent.toml"),
            Map.of(
                "AYB__AUTHENTICATION__FERNET_KEY",
                FERNET_KEY,
                "AYB__EMAIL__RATE_LIMIT_PER_HOUR",
                "7"));
    assertEquals(7, embedded.email().rateLimitPerHour());
    assertTrue(embedded.email().file().isPresent(), "the embedded file backend stays");
  }

  @Test
  void anEmptyPublicUrlFromTheEnvironmentMeansUnset() {
    AybConfiguration config = load(temp, MINIMAL, Map.of("AYB__PUBLIC_URL", ""));
    assertEquals(Optional.empty(), config.publicUrl());
    assertEquals("http://localhost:5433", config.publicBaseUrl());
  }

  @Test
  void embeddedDefaultGeneratesTheFernetKeyOnceUnderDataPath() throws Exception {
    Path missing = temp.resolve("absent/ayb.toml");
    Path dataPath = temp.resolve("data");
    Map<String, String> environment = Map.of("AYB__DATA_PATH", dataPath.toString());

    AybConfiguration config = ConfigurationLoader.load(missing, environment);

    Path keyFile = dataPath.resolve("fernet.key");
    assertTrue(Files.exists(keyFile));
    String key = Files.readString(keyFile);
    assertEquals(44, key.length());
    assertEquals(key, config.authentication().fernetKey());
    assertEquals(key, ConfigurationLoader.load(missing, environment).authentication().fernetKey());

    assertEquals("0.0.0.0", config.host());
    assertEquals(5433, config.port());
    assertEquals(dataPath, config.dataPath());
    assertEquals("sqlite://" + dataPath.resolve("ayb.sqlite"), config.databaseUrl());
    assertEquals("jdbc:sqlite:" + dataPath.resolve("ayb.sqlite"), config.metadataStore().jdbcUrl());
    assertEquals(3600, config.authentication().tokenExpirationSeconds());
    assertEquals(Optional.empty(), config.email().smtp());
    assertEquals(dataPath.resolve("emails.jsonl"), config.email().file().orElseThrow().path());
    assertEquals(10, config.email().rateLimitPerHour());
    assertTrue(config.cors().allowsAnyOrigin());
    assertEquals(Optional.empty(), config.publicUrl());
    assertEquals(Optional.empty(), config.snapshots());
    assertEquals(AybConfiguration.Server.defaults(), config.server());
    assertEquals(
        "embedded default (no " + missing.toAbsolutePath().normalize() + " found)",
        config.source());
  }

  @Test
  void embeddedDefaultMatchesAybsDefaultsAndWritesNothingWhenTheKeyComesFromTheEnvironment() {
    Path missing = temp.resolve("ayb.toml");
    boolean existedBefore = Files.exists(Path.of("ayb_data"));
    AybConfiguration config =
        ConfigurationLoader.load(
            missing, Map.of("AYB__AUTHENTICATION__FERNET_KEY", FERNET_KEY, "AYB__PORT", "9000"));
    assertEquals(FERNET_KEY, config.authentication().fernetKey());
    assertEquals(9000, config.port());
    assertEquals("sqlite://ayb_data/ayb.sqlite", config.databaseUrl());
    assertEquals(Path.of("./ayb_data"), config.dataPath());
    assertEquals(Path.of("./ayb_data/emails.jsonl"), config.email().file().orElseThrow().path());
    assertEquals(existedBefore, Files.exists(Path.of("ayb_data")), "no key file written");
  }

  @Test
  void aFileWithoutFernetKeyKeepsAGeneratedKeyUnderDataPath() throws Exception {
    Path dataPath = temp.resolve("data");
    String toml =
        MINIMAL
            .replace("fernet_key = \"" + FERNET_KEY + "\"\n", "")
            .replace("data_path = \"./test_data\"", "data_path = '" + dataPath + "'");
    AybConfiguration first = load(temp, toml, Map.of());
    AybConfiguration second = load(temp, toml, Map.of());
    assertEquals(
        Files.readString(dataPath.resolve("fernet.key")), first.authentication().fernetKey());
    assertEquals(first.authentication().fernetKey(), second.authentication().fernetKey());
    assertNotEquals(FERNET_KEY, first.authentication().fernetKey());
  }

  @Test
  void warnsAboutUnknownKeysInFileAndEnvironment() {
    Path file = write(temp, MINIMAL + "\n[emial.file]\npath = \"x\"\n");
    ConfigurationLoader.Loaded loaded =
        ConfigurationLoader.loadWithWarnings(file, Map.of("AYB__CORS__ORIGINS", "x"));
    String source = file.toAbsolutePath().normalize().toString();
    assertEquals(
        List.of(
            "Unknown key `emial.file.path` in " + source + " is ignored",
            "Unknown key `cors.origins` in environment variable AYB__CORS__ORIGINS is ignored"),
        loaded.warnings());
  }

  @Test
  void theShippedExampleIsValidAndNeedsNoSecret() throws Exception {
    Path file = temp.resolve("ayb.toml");
    try (InputStream example = getClass().getResourceAsStream("/org/aybdb/config/files/ayb.toml")) {
      assertNotNull(example, "config/ayb.toml is packaged");
      Files.copy(example, file);
    }
    Path dataPath = temp.resolve("data");
    ConfigurationLoader.Loaded loaded =
        ConfigurationLoader.loadWithWarnings(file, Map.of("AYB__DATA_PATH", dataPath.toString()));
    AybConfiguration config = loaded.configuration();
    assertEquals(List.of(), loaded.warnings());
    assertEquals("0.0.0.0", config.host());
    assertEquals(5433, config.port());
    assertEquals("sqlite://ayb_data/ayb.sqlite", config.databaseUrl());
    assertEquals(Optional.empty(), config.email().smtp());
    assertEquals(Path.of("./ayb_data/emails.jsonl"), config.email().file().orElseThrow().path());
    assertEquals(
        Files.readString(dataPath.resolve("fernet.key")), config.authentication().fernetKey());
    assertEquals(AybConfiguration.Server.defaults(), config.server());
  }

  @Test
  void defaultServerConfigOutputLoads() {
    boolean existedBefore = Files.exists(Path.of("ayb_data"));
    AybConfiguration config = load(temp, DefaultServerConfig.render(), Map.of());
    assertTrue(config.email().smtp().isPresent());
    assertTrue(config.email().file().isPresent());
    assertEquals(465, config.email().smtp().orElseThrow().smtpPort());
    assertEquals("tls", config.email().smtp().orElseThrow().security());
    assertEquals(existedBefore, Files.exists(Path.of("ayb_data")), "the key is in the file");
  }
}
