package org.aybdb.cli.client.interactive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.AybApi;
import org.aybdb.cli.client.commands.EntityDatabase;
import org.aybdb.cli.client.commands.QueryCommand;
import org.aybdb.cli.client.render.OutputFormat;

/**
 * {@code ayb client query <entity/database>} without a query: reads statements and runs each one as
 * it is complete, printing its result as a one-off query does.
 *
 * <p>A statement ends with a {@code ;} (see {@link StatementSplitter}); it may span several lines
 * and one line may hold several. On a terminal, a line editor (JLine) shows the prompt {@code
 * entity/database> }, keeps a history across sessions in {@code ayb_history} beside the client
 * configuration file, and continues an unfinished statement on the next line; Ctrl-D or Ctrl-C ends
 * the session. From a pipe or file the same rules apply without prompt or banner, and text left
 * without {@code ;} at the end of the input is run as a last statement. A line {@code exit} or
 * {@code quit} (or {@code \q}, {@code .quit}) ends the session in both cases.
 *
 * <p>A failing statement prints its {@code Error: } line on stderr and the session goes on; read
 * from a pipe, the session then exits with the first failure's status.
 */
public final class InteractiveSession {

  static final String HISTORY_FILE = "ayb_history";

  private static final Set<String> EXIT_COMMANDS =
      Set.of("exit", "quit", "exit;", "quit;", "\\q", ".quit", ".exit");

  private final ClientContext context;
  private final EntityDatabase database;
  private final OutputFormat format;
  private final PrintWriter out;
  private final PrintWriter err;
  private AybApi api;
  private int status = ExitCodes.OK;

  public InteractiveSession(
      ClientContext context,
      EntityDatabase database,
      OutputFormat format,
      PrintWriter out,
      PrintWriter err) {
    this.context = context;
    this.database = database;
    this.format = format;
    this.out = out;
    this.err = err;
  }

  /** Runs the session until the input ends; the exit status. */
  public int run() {
    api = context.api(); // resolves URL and token first: a missing URL fails before the session
    if (context.terminal()) {
      out.print("Launching an interactive session for " + database + "\n");
      out.flush();
      try {
        new TerminalSession(this).run();
      } catch (IOException e) {
        throw new CliException(ExitCodes.ERROR, "Error reading next line: " + e.getMessage(), e);
      }
      return ExitCodes.OK;
    }
    try {
      readPiped();
    } catch (IOException e) {
      throw new CliException(ExitCodes.ERROR, "Error reading next line: " + e.getMessage(), e);
    }
    return status;
  }

  /** The prompt: {@code entity/database> }. */
  String prompt() {
    return database + "> ";
  }

  /** The history file: {@value #HISTORY_FILE} beside the configuration file. */
  Path historyFile() {
    return context.configPath().toAbsolutePath().resolveSibling(HISTORY_FILE);
  }

  static boolean isExitCommand(String line) {
    return EXIT_COMMANDS.contains(line.strip().toLowerCase(Locale.ROOT));
  }

  private void readPiped() throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
    String pending = "";
    String line;
    while ((line = reader.readLine()) != null) {
      if (!StatementSplitter.split(pending).restHasSql() && isExitCommand(line)) {
        return;
      }
      pending = runComplete(pending + line + "\n");
    }
    StatementSplitter.Split last = StatementSplitter.split(pending);
    if (last.restHasSql()) {
      execute(last.rest().strip());
    }
  }

  /** Runs the complete statements of {@code text}; what is left of it. */
  String runComplete(String text) {
    StatementSplitter.Split split = StatementSplitter.split(text);
    for (String statement : split.statements()) {
      execute(statement);
    }
    return split.rest();
  }

  /** Runs one statement and prints its result, or its error on stderr. */
  void execute(String statement) {
    try {
      out.print(
          QueryCommand.render(
              api.query(database.entity(), database.database(), statement), format));
      out.flush();
    } catch (CliException e) {
      out.flush();
      err.print("Error: " + e.getMessage() + "\n");
      err.flush();
      if (status == ExitCodes.OK) {
        status = e.exitCode();
      }
    }
  }
}
