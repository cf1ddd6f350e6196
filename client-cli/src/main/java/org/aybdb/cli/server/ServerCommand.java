package org.aybdb.cli.server;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.VersionProvider;
import org.aybdb.config.AybConfiguration;
import org.aybdb.config.ConfigurationException;
import org.aybdb.config.ConfigurationLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ayb server [--config FILE]}: validates the configuration, then runs Payara Micro with the
 * ayb WAR in a child JVM until it is stopped (see {@link ServerLauncher}).
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Run an HTTP server")
public final class ServerCommand implements Callable<Integer> {

  /** Names the configuration file when {@code --config} is not given. */
  static final String CONFIG_FILE_VARIABLE = "AYB_SERVER_CONFIG_FILE";

  static final String DEFAULT_CONFIG_FILE = "./ayb.toml";

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Server configuration file (env: "
              + CONFIG_FILE_VARIABLE
              + ", default: "
              + DEFAULT_CONFIG_FILE
              + "). Without the file the built-in defaults apply; AYB__ variables override"
              + " either.")
  String config;

  private final Map<String, String> environment;

  public ServerCommand() {
    this(System.getenv());
  }

  public ServerCommand(Map<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path configFile = configFile();
    AybConfiguration configuration = load(configFile, err);
    ServerArtifacts artifacts = ServerArtifacts.fromSystemProperties();
    return new ServerLauncher(configuration, configFile.toAbsolutePath(), artifacts, out, err)
        .run();
  }

  /** {@code --config}, else {@code AYB_SERVER_CONFIG_FILE}, else {@code ./ayb.toml}. */
  Path configFile() {
    String name = config;
    if (name == null || name.isBlank()) {
      name = environment.get(CONFIG_FILE_VARIABLE);
    }
    if (name == null || name.isBlank()) {
      name = DEFAULT_CONFIG_FILE;
    }
    try {
      return Path.of(name).normalize();
    } catch (InvalidPathException e) {
      throw new CliException(ExitCodes.CONFIG, "invalid configuration file name " + name);
    }
  }

  private AybConfiguration load(Path configFile, PrintWriter err) {
    try {
      ConfigurationLoader.Loaded loaded =
          ConfigurationLoader.loadWithWarnings(configFile, environment);
      for (String warning : loaded.warnings()) {
        err.println("Warning: " + warning);
      }
      err.flush();
      return loaded.configuration();
    } catch (ConfigurationException e) {
      throw new CliException(ExitCodes.CONFIG, e.getMessage(), e);
    }
  }
}
