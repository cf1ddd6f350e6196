package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ayb client update_database <entity/database> --public_sharing_level <level>}. */
@Command(name = "update_database", description = "Update the settings of a database")
public final class UpdateDatabaseCommand extends ClientSubcommand {

  @Mixin DatabaseArgument target;

  @Option(
      names = "--public_sharing_level",
      paramLabel = "<level>",
      required = true,
      converter = Choice.PublicSharingLevel.class,
      completionCandidates = Choice.PublicSharingLevel.class,
      description =
          "The sharing level that the public/an anonymous user will have:"
              + " ${COMPLETION-CANDIDATES}")
  String publicSharingLevel;

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = target.database();
    context.api().updateDatabase(database.entity(), database.database(), publicSharingLevel);
    println("Database " + database + " updated successfully");
    return ExitCodes.OK;
  }
}
