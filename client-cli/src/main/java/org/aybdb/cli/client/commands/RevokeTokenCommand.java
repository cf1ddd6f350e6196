package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ayb client revoke_token <short_token>}. */
@Command(name = "revoke_token", description = "Revoke one of your API tokens")
public final class RevokeTokenCommand extends ClientSubcommand {

  @Parameters(
      index = "0",
      paramLabel = "<short_token>",
      description = "The short token (as list_tokens shows it) of the token to revoke")
  String shortToken;

  @Override
  protected int run(ClientContext context) {
    context.api().revokeToken(shortToken);
    println("Successfully revoked token " + shortToken);
    return ExitCodes.OK;
  }
}
