package org.aybdb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AybTest {

  @Test
  void helpListsTheSubcommandsWithAybsDescriptions() {
    CommandRun run = CommandRun.run("--help");

    assertEquals(ExitCodes.OK, run.status());
    assertTrue(run.out().contains("server                 Run an HTTP server"), run.out());
    assertTrue(
        run.out()
            .contains("default_server_config  Print a default configuration file for a server"),
        run.out());
    assertTrue(run.out().contains("client                 Connect to an HTTP server"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void versionNamesAyb() {
    CommandRun run = CommandRun.run("--version");

    assertEquals(ExitCodes.OK, run.status());
    assertTrue(run.out().matches("ayb \\S+\\R"), run.out());
  }

  @Test
  void withoutASubcommandPrintsUsageOnStderr() {
    CommandRun run = CommandRun.run();

    assertEquals(ExitCodes.USAGE, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("Usage: ayb"), run.err());
  }

  @Test
  void unknownOptionIsOneErrorLine() {
    CommandRun run = CommandRun.run("server", "--no-such-option");

    assertEquals(ExitCodes.USAGE, run.status());
    assertEquals(
        "Error: Unknown option: '--no-such-option' (see 'ayb server --help')\n", run.err());
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    CommandRun run = CommandRun.run("serve");

    assertEquals(ExitCodes.USAGE, run.status());
    assertTrue(run.err().startsWith("Error: Unmatched argument"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void clientWithoutASubcommandPrintsItsUsageOnStderr() {
    CommandRun run = CommandRun.run("client");

    assertEquals(ExitCodes.USAGE, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("Usage: ayb client"), run.err());
    assertTrue(run.err().contains("  list_database_permissions  "), run.err());
  }

  @Test
  void everyClientSubcommandHasHelpWithAybsArgumentNames() {
    CommandRun run = CommandRun.run("client", "update_profile", "--help");

    assertEquals(ExitCodes.OK, run.status(), run.err());
    assertTrue(run.out().startsWith("Usage: ayb client update_profile"), run.out());
    assertTrue(run.out().contains("--display_name=<value>"), run.out());
    assertTrue(run.out().contains("--url=<VALUE>"), run.out());
    CommandRun query = CommandRun.run("client", "query", "-h");
    assertEquals(ExitCodes.OK, query.status(), query.err());
    assertTrue(query.out().contains("--format=<type>"), query.out());
  }
}
