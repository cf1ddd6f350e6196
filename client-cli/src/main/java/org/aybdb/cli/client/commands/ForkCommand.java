package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ayb client fork <entity/database> <your entity/new database>}. */
@Command(name = "fork", description = "Copy a database into a new database of yours")
public final class ForkCommand extends ClientSubcommand {

  @Mixin DatabaseArgument source;

  @Parameters(
      index = "1",
      paramLabel = "<new database>",
      converter = EntityDatabase.Converter.class,
      description = "The copy, as your entity/new database")
  EntityDatabase target;

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = source.database();
    context.api().fork(database.entity(), database.database(), target.toString());
    println("Forked " + database + " to " + target);
    return ExitCodes.OK;
  }
}
