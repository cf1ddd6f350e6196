package org.aybdb.cli.client.interactive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aybdb.cli.CommandRun;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.FakeAybServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ayb client query e/d} reading statements from a pipe, against a fake server that answers
 * every query with one row (wire format only; ClientCommandIT drives the real server).
 */
class InteractiveSessionTest {

  @TempDir Path folder;

  private FakeAybServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeAybServer();
    server.answer("POST", "/v1/e/d.sqlite/query", 200, "{\"fields\":[\"x\"],\"rows\":[[\"1\"]]}");
    server.answer(
        "POST",
        "/v1/e/bad.sqlite/query",
        404,
        "{\"type\":\"RecordNotFound\",\"id\":\"e/bad.sqlite\",\"record_type\":\"database\"}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CommandRun session(String database, String input, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "client";
    args[1] = "query";
    args[2] = database;
    System.arraycopy(more, 0, args, 3, more.length);
    return CommandRun.runWithInput(
        Map.of(
            "AYB_CLIENT_CONFIG_FILE",
            folder.resolve("ayb.json").toString(),
            "AYB_SERVER_URL",
            server.url(),
            "AYB_API_TOKEN",
            "t"),
        input,
        args);
  }

  private static final String ONE_ROW = " x \n---\n 1 \n\nRows: 1\n";

  @Test
  void eachStatementRunsWhenItsSemicolonArrives() {
    CommandRun run =
        session("e/d.sqlite", "SELECT 1;\n\nSELECT\n  'a;b'\n; SELECT 3; -- done\nSELECT 4");

    assertEquals(ONE_ROW.repeat(4), run.out());
    assertEquals("", run.err());
    assertEquals(ExitCodes.OK, run.status());
    assertEquals(
        List.of("SELECT 1;", "SELECT\n  'a;b'\n;", "SELECT 3;", "-- done\nSELECT 4"),
        server.bodies());
  }

  @Test
  void csvFormatApplies() {
    CommandRun run = session("e/d.sqlite", "SELECT 1;", "--format", "csv");

    assertEquals("x\n1\n\nRows: 1\n", run.out());
  }

  @Test
  void exitEndsTheSession() {
    CommandRun run = session("e/d.sqlite", "SELECT 1;\nexit\nSELECT 2;\n");

    assertEquals(ONE_ROW, run.out());
    assertEquals(List.of("SELECT 1;"), server.bodies());
  }

  @Test
  void aFailingStatementIsReportedAndTheSessionGoesOn() {
    CommandRun run = session("e/bad.sqlite", "SELECT 1;\nSELECT 2;\n");

    assertEquals("", run.out());
    assertEquals(
        ("Error: RecordNotFound { id: \"e/bad.sqlite\", record_type: \"database\" }\n").repeat(2),
        run.err());
    assertEquals(ExitCodes.ERROR, run.status());
  }

  @Test
  void emptyInputRunsNothing() {
    CommandRun run = session("e/d.sqlite", "\n  \n-- nothing\n");

    assertEquals("", run.out());
    assertEquals(ExitCodes.OK, run.status());
    assertEquals(List.of(), server.bodies());
  }

  @Test
  void theContinuationPromptLinesUpWithThePrompt() {
    assertEquals("         -> ", TerminalSession.continuation("e/d.sqlite> "));
    assertEquals("-> ", TerminalSession.continuation("a> "));
  }
}
