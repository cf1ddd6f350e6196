package org.aybdb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of {@code ayb} with captured output. */
public record CommandRun(int status, String out, String err) {

  public static CommandRun run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status;
    try (PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true)) {
      status = Ayb.run(args, outWriter, errWriter, environment);
    }
    return new CommandRun(status, out.toString(), err.toString());
  }

  public static CommandRun run(String... args) {
    return run(Map.of(), args);
  }
}
