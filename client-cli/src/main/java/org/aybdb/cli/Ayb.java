package org.aybdb.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.aybdb.cli.client.ClientCommand;
import org.aybdb.cli.server.DefaultServerConfigCommand;
import org.aybdb.cli.server.ServerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code ayb} command: {@code ayb server}, {@code ayb default_server_config} and {@code ayb
 * client}. Started by bin/ayb.
 *
 * <p>Every failure is reported as one line {@code Error: <message>} on stderr with a non-zero
 * status from {@link ExitCodes}; stack traces never reach the terminal.
 */
@Command(
    name = "ayb",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A multi-tenant database management system",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      ServerCommand.class,
      DefaultServerConfigCommand.class,
      ClientCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Ayb implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Without a subcommand: the usage on stderr and the usage status, like clap. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  public static void main(String[] args) {
    // UTF-8 whatever the locale, as ayb writes: tables and CSV must come out byte for byte.
    Charset charset = StandardCharsets.UTF_8;
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    boolean terminal = System.console() != null;
    int status = run(args, System.in, terminal, out, err, System.getenv());
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Runs {@code ayb} with the given arguments and streams; the entry point of {@link #main} and of
   * the tests.
   *
   * @param environment what the commands read instead of {@code System.getenv()}
   * @return the exit status
   */
  public static int run(
      String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
    return run(args, InputStream.nullInputStream(), false, out, err, environment);
  }

  /**
   * Runs {@code ayb} with the given arguments, standard input and streams.
   *
   * @param in what {@code ayb client query} reads statements from when it is given none
   * @param terminal whether {@code in} and {@code out} are a terminal (line editor, prompt)
   * @param environment what the commands read instead of {@code System.getenv()}
   * @return the exit status
   */
  public static int run(
      String[] args,
      InputStream in,
      boolean terminal,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment) {
    return commandLine(args, in, terminal, out, err, environment).execute(args);
  }

  /**
   * The configured picocli command line for {@code args}, with the streams set on every subcommand.
   */
  private static CommandLine commandLine(
      String[] args,
      InputStream in,
      boolean terminal,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    CommandLine commandLine = new CommandLine(new Ayb(), new Factory(environment, in, terminal));
    ClientCommand.addSubcommands(commandLine.getSubcommands().get("client"), args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    return commandLine;
  }

  /** Creates the commands that read the environment with the injected one. */
  private static final class Factory implements IFactory {
    private final Map<String, String> environment;
    private final InputStream in;
    private final boolean terminal;

    Factory(Map<String, String> environment, InputStream in, boolean terminal) {
      this.environment = environment;
      this.in = in;
      this.terminal = terminal;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ServerCommand.class) {
        return type.cast(new ServerCommand(environment));
      }
      if (type == ClientCommand.class) {
        return type.cast(new ClientCommand(environment, in, terminal));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** Failures while a command runs: one line, status from {@link CliException} or SOFTWARE. */
  private static final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception exception, CommandLine commandLine, ParseResult parseResult) {
      PrintWriter err = commandLine.getErr();
      if (exception instanceof CliException failure) {
        err.println("Error: " + failure.getMessage());
        err.flush();
        return failure.exitCode();
      }
      err.println("Error: " + describe(exception));
      err.flush();
      return ExitCodes.SOFTWARE;
    }
  }

  /** Command-line mistakes: one line naming the mistake and where to find help. */
  private static final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException exception, String[] args) {
      CommandLine commandLine = exception.getCommandLine();
      PrintWriter err = commandLine.getErr();
      err.println(
          "Error: "
              + oneLine(exception.getMessage())
              + " (see '"
              + commandLine.getCommandSpec().qualifiedName()
              + " --help')");
      err.flush();
      return ExitCodes.USAGE;
    }
  }

  /** An unexpected exception as one line: its message, or its type when it has none. */
  static String describe(Throwable exception) {
    Throwable shown = exception;
    while (shown.getMessage() == null && shown.getCause() != null) {
      shown = shown.getCause();
    }
    String message = shown.getMessage();
    String type = shown.getClass().getSimpleName();
    return message == null || message.isBlank()
        ? "unexpected " + type
        : "unexpected " + type + ": " + oneLine(message);
  }

  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
