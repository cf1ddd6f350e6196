package org.aybdb.cli.server;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.VersionProvider;
import org.aybdb.config.DefaultServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ayb default_server_config}: prints ayb's starter ayb.toml with a fresh Fernet key. Like
 * ayb the TOML text is followed by one more newline.
 */
@Command(
    name = "default_server_config",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Print a default configuration file for a server")
public final class DefaultServerConfigCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(DefaultServerConfig.render());
    out.flush();
    return ExitCodes.OK;
  }
}
