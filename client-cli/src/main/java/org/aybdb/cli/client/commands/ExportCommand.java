package org.aybdb.cli.client.commands;

import java.nio.file.Path;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ayb client export <entity/database> <file>}: downloads the database file. */
@Command(name = "export", description = "Download a copy of a database as a SQLite file")
public final class ExportCommand extends ClientSubcommand {

  @Mixin DatabaseArgument source;

  @Parameters(index = "1", paramLabel = "<file>", description = "Where to write the file")
  Path file;

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = source.database();
    long bytes = context.api().export(database.entity(), database.database(), file);
    println("Exported " + database + " to " + file + " (" + bytes + " bytes)");
    return ExitCodes.OK;
  }
}
