package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ayb client create_database <entity/database> [type] [public_sharing_level]}. */
@Command(name = "create_database", description = "Create a database")
public final class CreateDatabaseCommand extends ClientSubcommand {

  @Mixin DatabaseArgument target;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "<type>",
      defaultValue = "sqlite",
      converter = Choice.DatabaseType.class,
      completionCandidates = Choice.DatabaseType.class,
      description = "The type of DB: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  String type = "sqlite";

  @Parameters(
      index = "2",
      arity = "0..1",
      paramLabel = "<public_sharing_level>",
      defaultValue = "no-access",
      converter = Choice.PublicSharingLevel.class,
      completionCandidates = Choice.PublicSharingLevel.class,
      description =
          "The sharing level that the public/an anonymous user will have:"
              + " ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  String publicSharingLevel = "no-access";

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = target.database();
    context.api().createDatabase(database.entity(), database.database(), type, publicSharingLevel);
    println("Successfully created " + database);
    return ExitCodes.OK;
  }
}
