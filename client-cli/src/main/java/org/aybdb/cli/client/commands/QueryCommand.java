package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.Reply;
import org.aybdb.cli.client.api.Responses.QueryResult;
import org.aybdb.cli.client.interactive.InteractiveSession;
import org.aybdb.cli.client.render.OutputFormat;
import org.aybdb.cli.client.render.Tabular;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ayb client query <entity/database> [query] [--format ...]}: runs one query, or, without
 * one, an interactive session (see {@link InteractiveSession}).
 */
@Command(name = "query", description = "Query a database")
public final class QueryCommand extends ClientSubcommand {

  @Mixin DatabaseArgument target;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "<query>",
      description =
          "The query to execute. If not provided, an interactive session to write queries will"
              + " be launched.")
  String query;

  @Mixin FormatOption format;

  @Option(
      names = "--param",
      paramLabel = "[NAME=][TYPE:]VALUE",
      description =
          "A value bound to a parameter of the query (repeatable): positional in order (?, ?NNN),"
              + " or named with NAME :name, @name or $name. TYPE: int, real, text, blob (base64)"
              + " or null; without it whole numbers are integers, decimals reals, the rest text."
              + " Example: --param 42 --param text:abc")
  java.util.List<String> params = new java.util.ArrayList<>();

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = target.database();
    if (!params.isEmpty() && query == null) {
      throw new org.aybdb.cli.CliException(
          ExitCodes.USAGE, "--param needs a query (interactive sessions take no parameters)");
    }
    if (query != null) {
      print(
          render(
              params.isEmpty()
                  ? context.api().query(database.entity(), database.database(), query)
                  : context
                      .api()
                      .query(
                          database.entity(),
                          database.database(),
                          query,
                          QueryParameters.json(params)),
              format()));
      return ExitCodes.OK;
    }
    return new InteractiveSession(context, database, format(), out(), spec.commandLine().getErr())
        .run();
  }

  private OutputFormat format() {
    return format.format();
  }

  /**
   * A query's output as ayb prints it: the rows as a table or CSV (nothing when there are none),
   * then an empty line and {@code Rows: <n>}. JSON: the server's answer.
   */
  public static String render(Reply<QueryResult> reply, OutputFormat format) {
    if (format == OutputFormat.JSON) {
      String body = reply.body();
      return body.endsWith("\n") ? body : body + "\n";
    }
    QueryResult result = reply.value();
    StringBuilder out = new StringBuilder();
    if (!result.rows().isEmpty()) {
      java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
      for (java.util.List<String> row : result.rows()) {
        rows.add(row.stream().map(cell -> cell == null ? "NULL" : cell).toList());
      }
      out.append(format.render(Tabular.of(result.fields(), rows)));
    }
    return out.append("\nRows: ").append(result.rows().size()).append('\n').toString();
  }
}
