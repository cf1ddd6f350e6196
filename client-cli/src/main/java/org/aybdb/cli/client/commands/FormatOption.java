package org.aybdb.cli.client.commands;

import java.util.Locale;
import org.aybdb.cli.client.render.OutputFormat;
import picocli.CommandLine.Option;

/** {@code --format table|csv|json}, shared by the subcommands that print tables. */
public final class FormatOption {

  @Option(
      names = "--format",
      paramLabel = "<type>",
      defaultValue = "table",
      converter = Choice.Format.class,
      completionCandidates = Choice.Format.class,
      description =
          "The format in which to output the result: ${COMPLETION-CANDIDATES} (default:"
              + " ${DEFAULT-VALUE}; json prints the server's JSON)")
  String format = "table";

  public OutputFormat format() {
    return OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
  }
}
