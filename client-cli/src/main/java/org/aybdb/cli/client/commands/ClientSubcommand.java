package org.aybdb.cli.client.commands;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.VersionProvider;
import org.aybdb.cli.client.ClientCommand;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.Reply;
import org.aybdb.cli.client.render.OutputFormat;
import org.aybdb.cli.client.render.Tabular;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A subcommand of {@code ayb client}: runs with the {@link ClientContext} of its parent and prints
 * to the injected output stream. Failures are thrown ({@link org.aybdb.cli.CliException}) and
 * printed by {@link org.aybdb.cli.Ayb} as one {@code Error: } line on stderr.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
public abstract class ClientSubcommand implements Callable<Integer> {

  @ParentCommand protected ClientCommand client;

  @Spec protected CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    try (ClientContext context = client.context()) {
      return run(context);
    }
  }

  /**
   * Does the work.
   *
   * @return the exit status, normally {@link ExitCodes#OK}
   */
  protected abstract int run(ClientContext context) throws Exception;

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Prints text as it is and flushes. */
  protected void print(String text) {
    PrintWriter out = out();
    out.print(text);
    out.flush();
  }

  /** Prints one line ending with {@code \n}, whatever the platform. */
  protected void println(String line) {
    print(line + "\n");
  }

  /**
   * Prints a listing: the server's JSON for {@code --format json}, else {@code empty} if there is
   * nothing to list, else the table or CSV.
   */
  protected <T> void printListing(
      OutputFormat format,
      Reply<T> reply,
      boolean nothing,
      String empty,
      java.util.function.Function<T, Tabular> table) {
    if (format == OutputFormat.JSON) {
      printJson(reply.body());
    } else if (nothing) {
      println(empty);
    } else {
      print(format.render(table.apply(reply.value())));
    }
  }

  /** The server's JSON as it came, on its own line. */
  protected void printJson(String body) {
    print(body.endsWith("\n") ? body : body + "\n");
  }
}
