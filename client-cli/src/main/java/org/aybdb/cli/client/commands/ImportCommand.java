package org.aybdb.cli.client.commands;

import java.nio.file.Path;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ayb client import <entity/database> <file>}: replaces the database with a file. */
@Command(
    name = "import",
    description = "Replace a database with a SQLite file (owners and managers)")
public final class ImportCommand extends ClientSubcommand {

  @Mixin DatabaseArgument target;

  @Parameters(index = "1", paramLabel = "<file>", description = "The SQLite file to upload")
  Path file;

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = target.database();
    context.api().importDatabase(database.entity(), database.database(), file);
    println("Imported " + file + " into " + database);
    return ExitCodes.OK;
  }
}
