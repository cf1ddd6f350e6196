package org.aybdb.interfaces.database.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL the results grid writes around a statement, and how it reads SQL text. */
class GridQueryTest {

  @Test
  void onlyASingleReadIsWrapped() {
    assertEquals("SELECT 1", SqlText.singleRead("  SELECT 1 ;  -- done\n"));
    assertEquals("SELECT ';' AS x", SqlText.singleRead("SELECT ';' AS x;"));
    assertEquals(
        "SELECT replace(a, 'x', 'y') FROM t",
        SqlText.singleRead("SELECT replace(a, 'x', 'y') FROM t"));
    assertNull(SqlText.singleRead("SELECT 1; SELECT 2"));
    assertNull(SqlText.singleRead("INSERT INTO t VALUES (1)"));
    assertNull(SqlText.singleRead("WITH x AS (SELECT 1) DELETE FROM t"));
    assertNull(SqlText.singleRead("PRAGMA table_info(t)"));
    assertNull(SqlText.singleRead("-- only a comment"));
  }

  @Test
  void aFinalWriteWithoutReturningAsksForItsChanges() {
    assertTrue(SqlText.endsWithPlainWrite("CREATE TABLE t (a); INSERT INTO t VALUES (1);"));
    assertFalse(SqlText.endsWithPlainWrite("INSERT INTO t VALUES (1) RETURNING a"));
    assertFalse(SqlText.endsWithPlainWrite("INSERT INTO t VALUES (1); SELECT * FROM t"));
  }

  @Test
  void identifiersAndLiteralsAreQuoted() {
    assertEquals("\"a\"\"b\"", SqlText.identifier("a\"b"));
    assertEquals("'it''s'", SqlText.literal("it's"));
  }

  @Test
  void pagesSortsAndFiltersWithQuotedNames() {
    GridQuery grid = new GridQuery("SELECT * FROM \"my t\"", 25);
    grid.addFilter(new GridFilter("na\"me", GridFilter.Operator.CONTAINS, "50%_o'k"));
    grid.addFilter(new GridFilter("n", GridFilter.Operator.GTE, "10"));
    grid.addFilter(new GridFilter("n", GridFilter.Operator.LTE, "1 OR 1=1"));
    grid.addFilter(new GridFilter("b", GridFilter.Operator.ISNULL, ""));
    grid.sort("n");
    grid.sort("n");
    grid.page(2);
    var page = grid.pageStatement();
    assertEquals(
        "SELECT * FROM (SELECT * FROM \"my t\"\n)"
            + " WHERE \"na\"\"me\" LIKE ? ESCAPE '\\' AND \"n\" >= ?"
            + " AND \"n\" <= ? AND \"b\" IS NULL ORDER BY \"n\" DESC LIMIT 26 OFFSET 50",
        page.sql());
    assertEquals(List.of("%50\\%\\_o'k%", 10L, "1 OR 1=1"), page.positional());
    assertEquals(page.positional(), grid.countStatement().positional());
    assertTrue(
        grid.countStatement()
            .sql()
            .startsWith("SELECT count(*) FROM (SELECT * FROM \"my t\"\n) WHERE"));
    // Shown with placeholders and the values next to them; the editor gets literals.
    assertTrue(grid.getSql().contains("\"n\" >= ? AND"), grid.getSql());
    assertEquals("'%50\\%\\_o''k%', 10, '1 OR 1=1'", grid.getValuesText());
    assertTrue(
        grid.getEditableSql().contains("LIKE '%50\\%\\_o''k%' ESCAPE"), grid.getEditableSql());
    assertTrue(grid.getEditableSql().contains("\"n\" <= '1 OR 1=1'"), grid.getEditableSql());
  }

  @Test
  void theWholeResultIsReadBoundOrWithItsValuesWrittenIn() {
    GridQuery grid = new GridQuery("SELECT * FROM t", 25);
    grid.addFilter(new GridFilter("name", GridFilter.Operator.EXACT, "O'Brien"));
    grid.sort("id");
    grid.page(3);
    var bound = grid.allStatement(List.of("id"));
    assertTrue(bound.sql().startsWith("SELECT CASE typeof(\"id\")"), bound.sql());
    assertTrue(bound.sql().endsWith(" WHERE \"name\" = ? ORDER BY \"id\""), bound.sql());
    assertEquals(List.of("O'Brien"), bound.positional());
    // DuckDB's: no parameters, and none of SQLite's functions around the columns.
    assertEquals(
        "SELECT * FROM (SELECT * FROM t\n) WHERE \"name\" = 'O''Brien' ORDER BY \"id\"",
        grid.allSql());
  }

  @Test
  void numbersAreBoundAsIntegersOrReals() {
    assertEquals(List.of(-3L), new GridFilter("n", GridFilter.Operator.EXACT, " -3 ").values());
    assertEquals(List.of(2.5), new GridFilter("n", GridFilter.Operator.GTE, "2.5").values());
    assertEquals(
        List.of("O'Brien"), new GridFilter("n", GridFilter.Operator.EXACT, "O'Brien").values());
    assertEquals(List.of(), new GridFilter("n", GridFilter.Operator.NOTNULL, "x").values());
  }

  @Test
  void filtersComeFromDatasetteStyleParameters() {
    GridFilter filter = GridFilter.fromParameter("body__contains", "x").orElseThrow();
    assertEquals(new GridFilter("body", GridFilter.Operator.CONTAINS, "x"), filter);
    assertEquals("body__contains", filter.parameter());
    assertTrue(GridFilter.fromParameter("body__nope", "x").isEmpty());
    assertTrue(GridFilter.fromParameter("_sort", "x").isEmpty());
  }
}
