package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ayb client share <entity/database> <entity> <sharing_level>}. */
@Command(name = "share", description = "Share a database with an entity")
public final class ShareCommand extends ClientSubcommand {

  @Mixin DatabaseArgument target;

  @Parameters(
      index = "1",
      paramLabel = "<entity>",
      description = "The entity to share the database with")
  String entity;

  @Parameters(
      index = "2",
      paramLabel = "<sharing_level>",
      converter = Choice.SharingLevel.class,
      completionCandidates = Choice.SharingLevel.class,
      description =
          "The sharing level the entity will have: ${COMPLETION-CANDIDATES} (no-access removes"
              + " the entity's permission)")
  String sharingLevel;

  @Override
  protected int run(ClientContext context) {
    EntityDatabase database = target.database();
    context.api().share(database.entity(), database.database(), entity, sharingLevel);
    println("Permissions for " + entity + " on " + database + " updated successfully");
    return ExitCodes.OK;
  }
}
