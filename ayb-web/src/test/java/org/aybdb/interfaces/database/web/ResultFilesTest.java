package org.aybdb.interfaces.database.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.aybdb.application.engine.QueryResult;
import org.junit.jupiter.api.Test;

class ResultFilesTest {

  @Test
  void formulaLeadingCellsGetAQuote() {
    String[][] cases = {
      {"=1+2", "'=1+2"},
      {"+SUM(A1)", "'+SUM(A1)"},
      {"-2+3", "'-2+3"},
      {"@cmd", "'@cmd"},
      {"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
      {"-5", "-5"},
      {"+1.5e3", "+1.5e3"},
      {"plain", "plain"},
      {"a=b", "a=b"},
      {"", ""}
    };
    for (String[] example : cases) {
      assertEquals(example[1], ResultFiles.neutralized(example[0]), example[0]);
    }
  }

  @Test
  void tabAndCarriageReturnLeadsAreNeutralizedToo() {
    assertEquals("'\tx", ResultFiles.neutralized("\tx"));
    assertEquals("'\rx", ResultFiles.neutralized("\rx"));
  }

  @Test
  void theCsvCarriesTheNeutralizedCells() {
    QueryResult result = result(List.of("=cmd|' /C calc'!A0", "-1"), List.of("n", "v"));
    assertEquals("n,v\n'=cmd|' /C calc'!A0,-1\n", ResultFiles.csv(result));
  }

  private static QueryResult result(List<String> row, List<String> fields) {
    return new QueryResult(
        fields, List.of(Arrays.asList(row.toArray(new String[0]))), QueryResult.Truncation.NONE, 1);
  }
}
