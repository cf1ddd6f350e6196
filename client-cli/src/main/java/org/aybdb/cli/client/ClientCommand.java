package org.aybdb.cli.client;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.VersionProvider;
import org.aybdb.cli.client.commands.ConfirmCommand;
import org.aybdb.cli.client.commands.CreateDatabaseCommand;
import org.aybdb.cli.client.commands.DatabaseDetailsCommand;
import org.aybdb.cli.client.commands.ExportCommand;
import org.aybdb.cli.client.commands.ForkCommand;
import org.aybdb.cli.client.commands.GenerateCompletionCommand;
import org.aybdb.cli.client.commands.ImportCommand;
import org.aybdb.cli.client.commands.ListCommand;
import org.aybdb.cli.client.commands.ListDatabasePermissionsCommand;
import org.aybdb.cli.client.commands.ListSnapshotsCommand;
import org.aybdb.cli.client.commands.ListTokensCommand;
import org.aybdb.cli.client.commands.LogInCommand;
import org.aybdb.cli.client.commands.ProfileCommand;
import org.aybdb.cli.client.commands.QueryCommand;
import org.aybdb.cli.client.commands.RegisterCommand;
import org.aybdb.cli.client.commands.RestoreSnapshotCommand;
import org.aybdb.cli.client.commands.RevokeTokenCommand;
import org.aybdb.cli.client.commands.SetDefaultUrlCommand;
import org.aybdb.cli.client.commands.ShareCommand;
import org.aybdb.cli.client.commands.UpdateDatabaseCommand;
import org.aybdb.cli.client.commands.UpdateProfileCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code ayb client [--config FILE] [--url URL] [--token TOKEN] <subcommand>}: ayb's command line
 * client of an ayb server. The global options may also follow the subcommand.
 *
 * <p>The subcommands are added by {@link #addSubcommands}: only the one a command line names, when
 * it names one, since building picocli's model of all of them is a good part of the start-up time.
 */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Connect to an HTTP server",
    synopsisSubcommandLabel = "COMMAND")
public final class ClientCommand implements Callable<Integer> {

  /** The subcommands, by name, in the order of ayb's help. */
  private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("create_database", CreateDatabaseCommand.class);
    SUBCOMMANDS.put("query", QueryCommand.class);
    SUBCOMMANDS.put("register", RegisterCommand.class);
    SUBCOMMANDS.put("confirm", ConfirmCommand.class);
    SUBCOMMANDS.put("log_in", LogInCommand.class);
    SUBCOMMANDS.put("list", ListCommand.class);
    SUBCOMMANDS.put("profile", ProfileCommand.class);
    SUBCOMMANDS.put("update_profile", UpdateProfileCommand.class);
    SUBCOMMANDS.put("update_database", UpdateDatabaseCommand.class);
    SUBCOMMANDS.put("set_default_url", SetDefaultUrlCommand.class);
    SUBCOMMANDS.put("share", ShareCommand.class);
    SUBCOMMANDS.put("list_database_permissions", ListDatabasePermissionsCommand.class);
    SUBCOMMANDS.put("database_details", DatabaseDetailsCommand.class);
    SUBCOMMANDS.put("list_tokens", ListTokensCommand.class);
    SUBCOMMANDS.put("revoke_token", RevokeTokenCommand.class);
    SUBCOMMANDS.put("list_snapshots", ListSnapshotsCommand.class);
    SUBCOMMANDS.put("restore_snapshot", RestoreSnapshotCommand.class);
    // Beyond ayb's client: whole databases in and out.
    SUBCOMMANDS.put("export", ExportCommand.class);
    SUBCOMMANDS.put("import", ImportCommand.class);
    SUBCOMMANDS.put("fork", ForkCommand.class);
    SUBCOMMANDS.put("generate_completion", GenerateCompletionCommand.class);
  }

  /** Options of {@code ayb client} that take a value. */
  private static final Set<String> VALUE_OPTIONS = Set.of("--config", "--url", "--token");

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "<FILE>",
      scope = ScopeType.INHERIT,
      description =
          "Path to the client's configuration file (env: "
              + ClientContext.CONFIG_FILE_VARIABLE
              + "; default: $XDG_CONFIG_HOME/ayb/ayb.json)")
  String config;

  @Option(
      names = "--url",
      paramLabel = "<VALUE>",
      scope = ScopeType.INHERIT,
      description = "The server URL (env: " + ClientContext.URL_VARIABLE + ")")
  String url;

  @Option(
      names = "--token",
      paramLabel = "<VALUE>",
      scope = ScopeType.INHERIT,
      description = "A client API token (env: " + ClientContext.TOKEN_VARIABLE + ")")
  String token;

  private final Map<String, String> environment;
  private final InputStream in;
  private final boolean terminal;
  private ClientContext context;

  public ClientCommand() {
    this(System.getenv(), System.in, System.console() != null);
  }

  /**
   * @param environment what the client reads instead of {@code System.getenv()}
   * @param in the standard input (the interactive session reads it)
   * @param terminal whether standard input and output are a terminal
   */
  public ClientCommand(Map<String, String> environment, InputStream in, boolean terminal) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.in = Objects.requireNonNull(in, "in");
    this.terminal = terminal;
  }

  /** Without a subcommand: the usage on stderr and the usage status. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /**
   * Adds the subcommands to {@code client}: only the one {@code args} runs when they name a client
   * subcommand that needs no other (not help, not completion), else all of them.
   *
   * @param args the whole command line of {@code ayb}
   */
  public static void addSubcommands(CommandLine client, String[] args) {
    String name = requested(args);
    if (name != null && SUBCOMMANDS.containsKey(name) && !name.equals("generate_completion")) {
      client.addSubcommand(name, SUBCOMMANDS.get(name));
      return;
    }
    for (Map.Entry<String, Class<?>> subcommand : SUBCOMMANDS.entrySet()) {
      client.addSubcommand(subcommand.getKey(), subcommand.getValue());
    }
    client.addSubcommand("help", new CommandLine.HelpCommand());
  }

  /** The client subcommand {@code ayb client [options] <name> ...} names, or null. */
  static String requested(String[] args) {
    int i = 0;
    while (i < args.length && args[i].startsWith("-")) {
      i++; // options of ayb itself (--help, --version) take no value
    }
    if (i >= args.length || !args[i].equals("client")) {
      return null;
    }
    for (i++; i < args.length; i++) {
      String arg = args[i];
      if (VALUE_OPTIONS.contains(arg)) {
        i++;
      } else if (arg.startsWith("-")) {
        if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
          return null; // --help, -V, an unknown option: let picocli see everything
        }
      } else {
        return arg;
      }
    }
    return null;
  }

  /** The context of this run, built from the options the subcommand was given. */
  public ClientContext context() {
    if (context == null) {
      context = new ClientContext(environment, config, url, token, in, terminal);
    }
    return context;
  }
}
