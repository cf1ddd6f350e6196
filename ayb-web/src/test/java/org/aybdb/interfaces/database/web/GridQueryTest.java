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
    assertEquals(
        "SELECT CASE typeof(\"n\") WHEN 'blob' THEN '<blob: ' || length(\"n\") || ' bytes>'"
            + " ELSE \"n\" END, typeof(\"n\"), CASE typeof(\"n\") WHEN 'blob' THEN"
            + " hex(substr(\"n\", 1, 256)) END FROM (SELECT * FROM \"my t\"\n)"
            + " WHERE \"na\"\"me\" LIKE '%50\\%\\_o''k%' ESCAPE '\\' AND \"n\" >= 10"
            + " AND \"n\" <= '1 OR 1=1' AND \"b\" IS NULL ORDER BY \"n\" DESC LIMIT 26 OFFSET 50",
        grid.pageSql(List.of("n")));
    assertTrue(grid.countSql().startsWith("SELECT count(*) FROM (SELECT * FROM \"my t\"\n) WHERE"));
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
