package org.aybdb.cli.client.commands;

import java.nio.file.Path;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ayb client export [--format sqlite|sql] <entity/database> <file>}: downloads the database
 * file, or its SQL dump.
 */
@Command(
    name = "export",
    description = "Download a copy of a database as a SQLite file or an SQL dump")
public final class ExportCommand extends ClientSubcommand {

  @Mixin DatabaseArgument source;

  @Option(
      names = "--format",
      paramLabel = "<format>",
      description = "sqlite (the database file, the default) or sql (schema and INSERTs as text)")
  String format = "sqlite";

  @Parameters(index = "1", paramLabel = "<file>", description = "Where to write the file")
  Path file;

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = source.database();
    if (!format.equals("sqlite") && !format.equals("sql")) {
      throw new CliException(
          ExitCodes.USAGE, "Unknown export format: " + format + " (sqlite or sql)");
    }
    long bytes = context.api().export(database.entity(), database.database(), format, file);
    println("Exported " + database + " to " + file + " (" + bytes + " bytes)");
    return ExitCodes.OK;
  }
}
