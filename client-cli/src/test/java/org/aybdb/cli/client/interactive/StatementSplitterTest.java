package org.aybdb.cli.client.interactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  @Test
  void splitsAtEachSemicolonAndKeepsTheRest() {
    StatementSplitter.Split split = StatementSplitter.split("SELECT 1;  select 2 ;\nSELECT\n 3");

    assertEquals(List.of("SELECT 1;", "select 2 ;"), split.statements());
    assertEquals("\nSELECT\n 3", split.rest());
    assertTrue(split.restHasSql());
    assertFalse(split.complete());
  }

  @Test
  void semicolonsInStringsNamesAndCommentsDoNotEndAStatement() {
    String text = "INSERT INTO \"a;b\" VALUES ('x;''y', `c;`, [d;]) -- not; here\n/* nor; here */;";

    StatementSplitter.Split split = StatementSplitter.split(text);

    assertEquals(List.of(text), split.statements());
    assertTrue(split.complete());
  }

  @Test
  void anOpenStringOrCommentIsIncomplete() {
    assertFalse(StatementSplitter.complete("SELECT 'abc;"));
    assertFalse(StatementSplitter.complete("SELECT 1; /* open"));
    assertTrue(StatementSplitter.complete("SELECT 1; -- the end"));
    assertTrue(StatementSplitter.complete("  \n"));
  }

  @Test
  void commentOnlyStatementsAreDropped() {
    assertEquals(
        List.of("SELECT 1;"), StatementSplitter.split("-- hi\n;\n;SELECT 1;").statements());
  }

  @Test
  void aTriggerBodyEndsOnlyAtEnd() {
    String trigger =
        "CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN\n"
            + "  INSERT INTO b VALUES (1);\n  UPDATE c SET x = 1;\nEND;";

    StatementSplitter.Split split = StatementSplitter.split(trigger + " SELECT 1;");

    assertEquals(List.of(trigger, "SELECT 1;"), split.statements());
    assertFalse(StatementSplitter.complete("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;"));
  }
}
