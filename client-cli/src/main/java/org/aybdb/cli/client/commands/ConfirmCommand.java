package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import org.aybdb.cli.client.api.Responses.ApiToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ayb client confirm <authentication_token>}: exchanges the e-mailed token for an API token
 * and saves it for the server URL in ayb.json.
 */
@Command(name = "confirm", description = "Confirm an email-based login/registration")
public final class ConfirmCommand extends ClientSubcommand {

  @Parameters(
      index = "0",
      paramLabel = "<authentication_token>",
      description = "The authentication token")
  String authenticationToken;

  @Override
  protected int run(ClientContext context) {
    ApiToken token = context.api().confirm(authenticationToken);
    context.config().saveToken(context.url(), token.token());
    context.saveConfig();
    println("Successfully authenticated " + token.entity() + " and saved token " + token.token());
    return ExitCodes.OK;
  }
}
