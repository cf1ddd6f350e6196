package org.aybdb.interfaces.database.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.aybdb.application.engine.QueryResult;
import org.junit.jupiter.api.Test;

/** The schema sidebar's DuckDB queries against a real (in-memory) DuckDB. */
class SchemaQueriesDuckDbTest {

  @Test
  void tablesViewsColumnsKeysAndIndexesOfADuckDbDatabase() throws Exception {
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement stmt = conn.createStatement()) {
      stmt.execute(
          "CREATE TABLE t(id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, x DOUBLE);"
              + " CREATE INDEX ix ON t(x); CREATE VIEW v AS SELECT id FROM t");
      List<SchemaTable> tables =
          SchemaQueries.tables(
              run(stmt, SchemaQueries.DUCKDB_COLUMNS), run(stmt, SchemaQueries.DUCKDB_INDEXES));
      assertEquals(2, tables.size());
      SchemaTable t = tables.get(0);
      assertEquals("t", t.name());
      assertEquals(false, t.isView());
      assertEquals(List.of("ix"), t.indexes());
      assertEquals(
          List.of(
              new SchemaTable.Column("id", "INTEGER", true, true),
              new SchemaTable.Column("name", "VARCHAR", false, true),
              new SchemaTable.Column("x", "DOUBLE", false, false)),
          t.columns());
      assertEquals("v", tables.get(1).name());
      assertEquals(true, tables.get(1).isView());
    }
  }

  private static QueryResult run(Statement stmt, String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (ResultSet rs = stmt.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
          row.add(rs.getString(c));
        }
        rows.add(row);
      }
    }
    return new QueryResult(List.of(), rows, QueryResult.Truncation.NONE, 1);
  }
}
