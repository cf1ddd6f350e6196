package org.aybdb.cli.client;

import java.util.concurrent.Callable;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.VersionProvider;
import picocli.CommandLine.Command;

/** {@code ayb client}: talks to an ayb server over HTTP. Its subcommands are still to come. */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Connect to an HTTP server")
public final class ClientCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new CliException(ExitCodes.ERROR, "ayb client is not implemented yet");
  }
}
