package org.aybdb.cli.client.commands;

import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.ClientContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ayb client set_default_url <url>}: saved in ayb.json; needs no server. */
@Command(
    name = "set_default_url",
    description = "Set the default server URL for future requests in ayb.json")
public final class SetDefaultUrlCommand extends ClientSubcommand {

  @Parameters(index = "0", paramLabel = "<url>", description = "The URL to use in the future")
  String url;

  @Override
  protected int run(ClientContext context) {
    context.config().setDefaultUrl(url);
    context.saveConfig();
    println("Saved " + url + " as new default_url");
    return ExitCodes.OK;
  }
}
