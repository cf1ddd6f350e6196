package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ayb client register <entity> <email_address> [type]}. */
@Command(name = "register", description = "Register a user/organization")
public final class RegisterCommand extends ClientSubcommand {

  @Parameters(index = "0", paramLabel = "<entity>", description = "The entity to create")
  String entity;

  @Parameters(
      index = "1",
      paramLabel = "<email_address>",
      description = "The email address of the entity")
  String emailAddress;

  @Parameters(
      index = "2",
      arity = "0..1",
      paramLabel = "<type>",
      defaultValue = "user",
      converter = Choice.EntityType.class,
      completionCandidates = Choice.EntityType.class,
      description = "The type of entity: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  String type = "user";

  @Override
  protected int run(ClientContext context) {
    context.api().register(entity, emailAddress, type);
    println("Check your email to finish registering " + entity);
    return ExitCodes.OK;
  }
}
