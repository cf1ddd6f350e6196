package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ayb client log_in <entity>}. */
@Command(name = "log_in", description = "Log in to ayb via email authentication")
public final class LogInCommand extends ClientSubcommand {

  @Parameters(index = "0", paramLabel = "<entity>", description = "The entity to log in as")
  String entity;

  @Override
  protected int run(ClientContext context) {
    context.api().logIn(entity);
    println("Check your email to finish logging in " + entity);
    return ExitCodes.OK;
  }
}
