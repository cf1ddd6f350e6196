package org.aybdb.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aybdb.cli.CommandRun;
import org.aybdb.cli.ExitCodes;
import org.aybdb.config.DefaultServerConfig;
import org.junit.jupiter.api.Test;

/** The command prints the config module's rendering (tested there) plus println's newline. */
class DefaultServerConfigCommandTest {

  private static final Pattern KEY = Pattern.compile("fernet_key = \"([A-Za-z0-9_-]{43}=)\"");

  private static String masked(String text) {
    return KEY.matcher(text).replaceFirst("fernet_key = \"<masked>\"");
  }

  @Test
  void printsAybsStarterConfigurationFollowedByAnEmptyLine() {
    CommandRun run = CommandRun.run("default_server_config");

    assertEquals(ExitCodes.OK, run.status());
    assertEquals("", run.err());
    assertTrue(KEY.matcher(run.out()).find(), run.out());
    assertEquals(masked(DefaultServerConfig.render()) + "\n", masked(run.out()));
    assertTrue(run.out().endsWith("origin = \"*\"\n\n"));
  }

  @Test
  void everyRunHasAFreshKey() {
    Matcher first = KEY.matcher(CommandRun.run("default_server_config").out());
    Matcher second = KEY.matcher(CommandRun.run("default_server_config").out());

    assertTrue(first.find());
    assertTrue(second.find());
    assertNotEquals(first.group(1), second.group(1));
  }
}
