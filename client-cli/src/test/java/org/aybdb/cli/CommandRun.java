package org.aybdb.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of {@code ayb} with captured output. */
public record CommandRun(int status, String out, String err) {

  public static CommandRun run(Map<String, String> environment, String... args) {
    return runWithInput(environment, "", args);
  }

  /** A run whose standard input (not a terminal) holds {@code input}. */
  public static CommandRun runWithInput(
      Map<String, String> environment, String input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status;
    try (PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true)) {
      InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
      status = Ayb.run(args, in, false, outWriter, errWriter, environment);
    }
    return new CommandRun(status, out.toString(), err.toString());
  }

  public static CommandRun run(String... args) {
    return run(Map.of(), args);
  }
}
