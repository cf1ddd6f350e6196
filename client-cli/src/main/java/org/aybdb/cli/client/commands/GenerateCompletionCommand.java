package org.aybdb.cli.client.commands;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.aybdb.cli.ExitCodes;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ayb client generate_completion}: prints a bash (and zsh, with bashcompinit) completion
 * script for the whole {@code ayb} command, e.g. {@code source <(ayb client generate_completion)}.
 */
@Command(
    name = "generate_completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a bash/zsh completion script for ayb",
      "Use: source <(ayb client generate_completion)"
    })
public final class GenerateCompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("ayb", spec.root().commandLine()));
    out.flush();
    return ExitCodes.OK;
  }
}
