package org.aybdb.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads an {@link AybConfiguration}: the TOML file if it exists, then {@code AYB__SECTION__KEY}
 * environment overrides (env beats file), then validation. With no file, the embedded default
 * applies and the Fernet key is read from (or generated once into) {@code <data_path>/fernet.key}.
 *
 * <p>One deliberate difference from ayb: a file without {@code authentication.fernet_key} is not an
 * error; like the embedded default, the server then keeps its key in {@code
 * <data_path>/fernet.key}. This lets the shipped example ayb.toml carry no secret. Every other key
 * ayb requires stays required when the file exists.
 */
public final class ConfigurationLoader {

  /** A loaded configuration with the warnings (unknown keys) an operator should see. */
  public record Loaded(AybConfiguration configuration, List<String> warnings) {
    public Loaded {
      Objects.requireNonNull(configuration, "configuration");
      warnings = List.copyOf(warnings);
    }
  }

  static final String DEFAULT_HOST = "0.0.0.0";
  static final long DEFAULT_PORT = 5433;
  static final String DEFAULT_DATA_PATH = "./ayb_data";
  static final String DEFAULT_DATABASE_URL = "sqlite://ayb_data/ayb.sqlite";
  static final String DEFAULT_EMAIL_FILE_PATH = "./ayb_data/emails.jsonl";
  static final long DEFAULT_TOKEN_EXPIRATION_SECONDS = 3600;
  static final String DEFAULT_CORS_ORIGIN = "*";

  private ConfigurationLoader() {}

  /**
   * @param file the ayb.toml to read; a missing file means the embedded default
   * @param environment usually {@code System.getenv()}
   * @throws ConfigurationException for anything invalid, with a message naming key and source
   */
  public static AybConfiguration load(Path file, Map<String, String> environment) {
    return loadWithWarnings(file, environment).configuration();
  }

  /**
   * Like {@link #load}, also returning warnings such as {@code Unknown key `emial.file.path` in
   * /srv/ayb.toml is ignored} (ayb ignores unknown keys; a typo should not pass silently).
   */
  public static Loaded loadWithWarnings(Path file, Map<String, String> environment) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(environment, "environment");
    Path absolute = file.toAbsolutePath().normalize();
    // "Cannot tell" (e.g. no permission on the directory) counts as present, so that reading
    // reports the problem instead of silently falling back to the default.
    boolean fromFile = !Files.notExists(absolute);
    String source = fromFile ? absolute.toString() : "embedded default (no " + absolute + " found)";

    List<String> warnings = new ArrayList<>();
    Settings settings = fromFile ? TomlFile.read(absolute) : new Settings();
    EnvironmentOverrides.apply(settings, environment, warnings);
    if (!fromFile) {
      applyEmbeddedDefault(settings, SettingSource.embeddedDefault(source));
    }
    for (Settings.Value value : settings.values()) {
      if (!ConfigurationKeys.isKnown(value.key())) {
        warnings.add(
            "Unknown key `" + value.key() + "` in " + value.source().description() + " is ignored");
      }
    }
    AybConfiguration configuration =
        ConfigurationValidator.validate(new TomlValues(settings, source), source);
    return new Loaded(configuration, warnings);
  }

  /**
   * ayb's default_server_config minus the SMTP relay (which would make registration fail without a
   * mail server): mails go to a file under data_path. Fills only what the environment left unset;
   * the Fernet key comes from {@code <data_path>/fernet.key}.
   */
  private static void applyEmbeddedDefault(Settings settings, SettingSource source) {
    String dataPath =
        settings
            .get("data_path")
            .map(Settings.Value::value)
            .filter(String.class::isInstance)
            .map(String.class::cast)
            .orElse(DEFAULT_DATA_PATH);
    // Follow a data_path moved by AYB__DATA_PATH, so that everything lands in one place.
    String databaseUrl = DEFAULT_DATABASE_URL;
    String emailPath = DEFAULT_EMAIL_FILE_PATH;
    if (!dataPath.equals(DEFAULT_DATA_PATH) && !dataPath.isBlank()) {
      try {
        Path moved = Path.of(dataPath);
        databaseUrl = "sqlite://" + moved.resolve("ayb.sqlite").toString().replace('\\', '/');
        emailPath = moved.resolve("emails.jsonl").toString();
      } catch (InvalidPathException e) {
        // Validation reports data_path itself.
      }
    }

    settings.putIfAbsent("host", DEFAULT_HOST, source);
    settings.putIfAbsent("port", DEFAULT_PORT, source);
    settings.putIfAbsent("database_url", databaseUrl, source);
    settings.putIfAbsent("data_path", DEFAULT_DATA_PATH, source);
    settings.putIfAbsent(
        "authentication.token_expiration_seconds", DEFAULT_TOKEN_EXPIRATION_SECONDS, source);
    settings.putIfAbsent("email.file.path", emailPath, source);
    settings.putIfAbsent("cors.origin", DEFAULT_CORS_ORIGIN, source);
  }
}
