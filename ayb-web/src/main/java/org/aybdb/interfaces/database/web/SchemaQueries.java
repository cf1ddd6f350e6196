package org.aybdb.interfaces.database.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aybdb.application.engine.QueryResult;

/**
 * The schema sidebar's SQL, all in one place: plain SELECTs over {@code sqlite_schema} and the
 * table-valued pragma functions ({@code pragma_table_info}, {@code pragma_index_list}), so they run
 * through the ordinary query path at the caller's own access level (a read-only caller included: no
 * PRAGMA statement is needed).
 */
final class SchemaQueries {

  /** Tables beyond this many are listed without a row count (counting reads every row). */
  static final int COUNTED_TABLES = 50;

  private SchemaQueries() {}

  static final String COLUMNS =
      "SELECT s.type, s.name, p.name, p.type, p.pk, p.\"notnull\""
          + " FROM sqlite_schema AS s JOIN pragma_table_info(s.name) AS p"
          + " WHERE s.type IN ('table', 'view') AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
          + " ORDER BY s.name, p.cid";

  static final String INDEXES =
      "SELECT s.name, i.name FROM sqlite_schema AS s JOIN pragma_index_list(s.name) AS i"
          + " WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
          + " ORDER BY s.name, i.name";

  /**
   * DuckDB's {@link #COLUMNS}: the same six columns (type, table, column, data type, primary key
   * 1/0, NOT NULL 1/0) from DuckDB's catalog functions, for the database's own main schema.
   */
  static final String DUCKDB_COLUMNS =
      "SELECT CASE WHEN v.view_name IS NULL THEN 'table' ELSE 'view' END, c.table_name,"
          + " c.column_name, c.data_type,"
          + " CASE WHEN list_contains(k.constraint_column_names, c.column_name) THEN 1 ELSE 0 END,"
          + " CASE WHEN c.is_nullable THEN 0 ELSE 1 END"
          + " FROM duckdb_columns() AS c LEFT JOIN duckdb_views() AS v"
          + " ON v.database_name = c.database_name AND v.schema_name = c.schema_name"
          + " AND v.view_name = c.table_name"
          + " LEFT JOIN duckdb_constraints() AS k"
          + " ON k.database_name = c.database_name AND k.schema_name = c.schema_name"
          + " AND k.table_name = c.table_name AND k.constraint_type = 'PRIMARY KEY'"
          + " WHERE c.database_name = current_database() AND c.schema_name = 'main'"
          + " AND NOT c.internal ORDER BY c.table_name, c.column_index";

  /** DuckDB's {@link #INDEXES}. */
  static final String DUCKDB_INDEXES =
      "SELECT table_name, index_name FROM duckdb_indexes()"
          + " WHERE database_name = current_database() AND schema_name = 'main'"
          + " ORDER BY table_name, index_name";

  /** The tables and views with their columns and indexes, from the results of the two queries. */
  static List<SchemaTable> tables(QueryResult columns, QueryResult indexes) {
    Map<String, List<String>> indexNames =
        indexes.rows().stream()
            .collect(
                Collectors.groupingBy(
                    row -> row.get(0),
                    LinkedHashMap::new,
                    Collectors.mapping(row -> row.get(1), Collectors.toList())));
    Map<String, List<List<String>>> byTable =
        columns.rows().stream()
            .collect(
                Collectors.groupingBy(row -> row.get(1), LinkedHashMap::new, Collectors.toList()));
    List<SchemaTable> tables = new ArrayList<>();
    byTable.forEach(
        (name, rows) ->
            tables.add(
                new SchemaTable(
                    name,
                    rows.get(0).get(0),
                    rows.stream()
                        .map(
                            row ->
                                new SchemaTable.Column(
                                    row.get(2),
                                    row.get(3) == null ? "" : row.get(3),
                                    !"0".equals(row.get(4)),
                                    "1".equals(row.get(5))))
                        .toList(),
                    indexNames.getOrDefault(name, List.of()),
                    null)));
    return tables;
  }

  /** One query counting the rows of the first {@link #COUNTED_TABLES} tables; null when none. */
  static String counts(List<SchemaTable> tables) {
    String union =
        tables.stream()
            .filter(table -> !table.isView())
            .limit(COUNTED_TABLES)
            .map(
                table ->
                    "SELECT "
                        + SqlText.literal(table.name())
                        + ", count(*) FROM "
                        + SqlText.identifier(table.name()))
            .collect(Collectors.joining(" UNION ALL "));
    return union.isEmpty() ? null : union;
  }

  /** The tables with the counts of the {@link #counts} query's result. */
  static List<SchemaTable> withCounts(List<SchemaTable> tables, QueryResult counts) {
    Map<String, Long> rows =
        counts.rows().stream()
            .collect(
                Collectors.toMap(row -> row.get(0), row -> Long.valueOf(row.get(1)), (a, b) -> a));
    return tables.stream()
        .map(table -> table.withRowCount(rows.get(table.name())))
        .collect(Collectors.toList());
  }
}
