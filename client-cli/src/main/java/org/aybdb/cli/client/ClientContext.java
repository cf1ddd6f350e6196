package org.aybdb.cli.client;

import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.VersionProvider;
import org.aybdb.cli.client.api.AybApi;

/**
 * What a client subcommand works with: the configuration file, the server URL and API token
 * resolved as ayb resolves them, and the standard input.
 *
 * <ul>
 *   <li>Configuration file: {@code --config}, else {@code AYB_CLIENT_CONFIG_FILE}, else {@code
 *       $XDG_CONFIG_HOME/ayb/ayb.json} ({@code ~/.config/ayb/ayb.json}; macOS {@code
 *       ~/Library/Application Support/org.ayb.ayb/ayb.json}; Windows {@code
 *       %APPDATA%\ayb\ayb\config\ayb.json}).
 *   <li>URL: {@code --url}, else {@code AYB_SERVER_URL} (saved as {@code default_url} at once if
 *       the file has none yet), else the file's {@code default_url}, else an error.
 *   <li>Token: {@code --token}, else {@code AYB_API_TOKEN}, else the file's token for that URL.
 * </ul>
 */
public final class ClientContext implements AutoCloseable {

  static final String CONFIG_FILE_VARIABLE = "AYB_CLIENT_CONFIG_FILE";
  static final String URL_VARIABLE = "AYB_SERVER_URL";
  static final String TOKEN_VARIABLE = "AYB_API_TOKEN";

  private final Map<String, String> environment;
  private final String configOption;
  private final String urlOption;
  private final String tokenOption;
  private final InputStream in;
  private final boolean terminal;
  private Path configPath;
  private ClientConfig config;
  private String url;
  private AybApi api;

  ClientContext(
      Map<String, String> environment,
      String configOption,
      String urlOption,
      String tokenOption,
      InputStream in,
      boolean terminal) {
    this.environment = environment;
    this.configOption = configOption;
    this.urlOption = urlOption;
    this.tokenOption = tokenOption;
    this.in = in;
    this.terminal = terminal;
  }

  /** The standard input (the interactive session reads it). */
  public InputStream in() {
    return in;
  }

  /** Whether standard input and output are a terminal. */
  public boolean terminal() {
    return terminal;
  }

  /** The configuration file's path. */
  public Path configPath() {
    if (configPath == null) {
      String name = firstOf(configOption, environment.get(CONFIG_FILE_VARIABLE));
      try {
        configPath =
            name != null
                ? Path.of(name)
                : defaultConfigPath(environment, System.getProperty("os.name", ""));
      } catch (InvalidPathException e) {
        throw new CliException(
            ExitCodes.CONFIG, "invalid client configuration path: " + e.getMessage(), e);
      }
    }
    return configPath;
  }

  /** The saved configuration (read once). */
  public ClientConfig config() {
    if (config == null) {
      config = ClientConfig.read(configPath());
    }
    return config;
  }

  /** Saves the configuration as it is now. */
  public void saveConfig() {
    config().write(configPath());
  }

  /**
   * The server URL. A URL given on the command line or in the environment becomes the saved default
   * if there is none yet, as in ayb.
   */
  public String url() {
    if (url == null) {
      String given = firstOf(urlOption, environment.get(URL_VARIABLE));
      if (given != null) {
        if (config().defaultUrl() == null) {
          config().setDefaultUrl(given);
          saveConfig();
        }
        url = given;
      } else if (config().defaultUrl() != null) {
        url = config().defaultUrl();
      } else {
        throw new CliException(
            ExitCodes.CONFIG,
            "Server URL is required through --url parameter, "
                + URL_VARIABLE
                + " environment variable, or default_url in "
                + configPath());
      }
    }
    return url;
  }

  /** The API token: given, or saved for {@link #url()}; null if there is none. */
  public String token() {
    String given = firstOf(tokenOption, environment.get(TOKEN_VARIABLE));
    return given != null ? given : config().token(url());
  }

  /** The API of the resolved server, with the resolved token. */
  public AybApi api() {
    if (api == null) {
      String serverUrl = url();
      api = new AybApi(serverUrl, token(), "ayb/" + VersionProvider.version());
    }
    return api;
  }

  /** Releases the HTTP client, if one was made. */
  @Override
  public void close() {
    if (api != null) {
      api.close();
      api = null;
    }
  }

  private static String firstOf(String option, String variable) {
    if (option != null) {
      return option;
    }
    return variable == null || variable.isEmpty() ? null : variable;
  }

  /** Where ayb (Rust's directories crate, ProjectDirs "org", "ayb", "ayb") keeps ayb.json. */
  static Path defaultConfigPath(Map<String, String> environment, String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    String home = environment.get("HOME");
    if (home == null || home.isEmpty()) {
      home = System.getProperty("user.home");
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return Path.of(home, "Library", "Application Support", "org.ayb.ayb", "ayb.json");
    }
    if (os.startsWith("windows")) {
      String appData = environment.get("APPDATA");
      Path roaming =
          appData == null || appData.isEmpty()
              ? Path.of(home, "AppData", "Roaming")
              : Path.of(appData);
      return roaming.resolve(Path.of("ayb", "ayb", "config", "ayb.json"));
    }
    String xdg = environment.get("XDG_CONFIG_HOME");
    Path configHome =
        xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(home, ".config");
    return configHome.resolve(Path.of("ayb", "ayb.json"));
  }
}
