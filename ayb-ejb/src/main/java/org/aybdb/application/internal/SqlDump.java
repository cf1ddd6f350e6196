package org.aybdb.application.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryEngine;
import org.aybdb.application.engine.QueryResult;

/**
 * A database as SQL text, the way the {@code sqlite3} shell's {@code .dump} writes it: in one
 * transaction each table's {@code CREATE TABLE} and its rows as {@code INSERT} statements, then
 * indexes, triggers and views. Every statement is read through a sandboxed daemon from a consistent
 * copy; SQLite's own {@code quote()} writes the values (texts with their quotes doubled, BLOBs as
 * {@code X'..'}, REALs with as many digits as they need to read back the same).
 */
final class SqlDump {

  /** Rows read per query (results are also cut by the engine's row and byte caps). */
  static final int ROWS_PER_READ = 500;

  private final QueryEngine engine;
  private final DatabaseRef database;
  private final Path copy;

  SqlDump(QueryEngine engine, DatabaseRef database, Path copy) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.database = Objects.requireNonNull(database, "database");
    this.copy = Objects.requireNonNull(copy, "copy");
  }

  /** Writes the whole dump to {@code out}. */
  void writeTo(Writer out) throws IOException {
    out.write("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
    List<List<String>> schema =
        read("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL"
                + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                + " ORDER BY type <> 'table', rowid")
            .rows();
    for (List<String> entry : schema) {
      out.write(entry.get(2));
      out.write(";\n");
      if (entry.get(0).equals("table") && !entry.get(2).startsWith("CREATE VIRTUAL")) {
        rows(entry.get(1), out);
      }
    }
    if (!read("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'").rows().isEmpty()) {
      out.write("DELETE FROM sqlite_sequence;\n");
      rows("sqlite_sequence", out);
    }
    out.write("COMMIT;\n");
  }

  /** The table's rows as INSERT statements, read a page at a time. */
  private void rows(String table, Writer out) throws IOException {
    // Generated columns (hidden 2 and 3) are computed, not inserted: a table that has them gets
    // its INSERTs with a column list naming the stored ones.
    List<List<String>> all =
        read("SELECT name, hidden FROM pragma_table_xinfo(" + literal(table) + ")").rows();
    List<String> columns =
        all.stream().filter(c -> "0".equals(c.get(1))).map(c -> c.get(0)).toList();
    if (columns.isEmpty()) {
      return;
    }
    boolean generated = all.stream().anyMatch(c -> "2".equals(c.get(1)) || "3".equals(c.get(1)));
    StringBuilder values = new StringBuilder();
    for (String column : columns) {
      values.append(values.length() == 0 ? "" : " || ',' || ");
      values.append("quote(").append(identifier(column)).append(')');
    }
    String insert =
        "INSERT INTO "
            + identifier(table)
            + (generated
                ? columns.stream()
                    .map(SqlDump::identifier)
                    .collect(java.util.stream.Collectors.joining(",", "(", ")"))
                : "")
            + " VALUES(";
    String select =
        "SELECT " + literal(insert) + " || " + values + " || ');' FROM " + identifier(table);
    for (long offset = 0; ; ) {
      QueryResult page = read(select + " LIMIT " + ROWS_PER_READ + " OFFSET " + offset);
      for (List<String> row : page.rows()) {
        out.write(row.get(0));
        out.write('\n');
      }
      offset += page.rows().size();
      if (page.truncation() == QueryResult.Truncation.NONE) {
        if (page.rows().size() < ROWS_PER_READ) {
          return;
        }
      } else if (page.rows().isEmpty()) {
        throw new AybException(
            ErrorType.Other,
            AybException.Kind.TOO_LARGE,
            "A row of " + table + " is larger than this server returns in one answer");
      }
    }
  }

  private QueryResult read(String sql) {
    return engine.executeOnFile(database, copy, AccessMode.READ_ONLY, sql);
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
