package org.aybdb.application.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryEngine;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.application.port.HostedFiles;

/**
 * Decides whether an uploaded file may become a hosted database. This process reads only its first
 * bytes (the SQLite header); everything else runs in sandboxed daemons, under the same access
 * policy as any query:
 *
 * <ol>
 *   <li>the header says SQLite 3 (the only engine served here);
 *   <li>{@code PRAGMA integrity_check} on the file passes;
 *   <li>its schema can be made again by a query: every {@code CREATE} statement of its {@code
 *       sqlite_schema} is run, in order, on an empty scratch database by a read-write caller. A
 *       {@code CHECK}, generated column, index expression or virtual table that the policy refuses
 *       (a function or module not allowed) fails here, as it would for a caller typing it;
 *   <li>the bodies of its views and triggers compile under the policy: each view is selected from
 *       and every table with triggers gets an {@code EXPLAIN} of an insert, an update of every
 *       column and a delete, which compiles the triggers without running them.
 * </ol>
 *
 * Any refusal is a 400 naming the object and the reason.
 */
final class ImportCheck {

  private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** The smallest SQLite file: one page of the smallest size. */
  private static final int MIN_SIZE = 512;

  private final QueryEngine engine;
  private final HostedFiles files;

  ImportCheck(QueryEngine engine, HostedFiles files) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.files = Objects.requireNonNull(files, "files");
  }

  /** Checks {@code candidate}, a file in a new version folder of {@code database}. */
  void check(DatabaseRef database, Path candidate) {
    header(candidate);
    Path scratchVersion = files.newVersion(database.entity(), database.database());
    Path scratch = scratchVersion.resolve(database.database());
    try {
      integrity(database, candidate);
      List<List<String>> schema =
          onFile(
                  database,
                  candidate,
                  AccessMode.READ_ONLY,
                  // Virtual tables first: a copy made by VACUUM (an export) lists their shadow
                  // tables before them, and a shadow table made first would fail its module.
                  "SELECT type, name, tbl_name, sql FROM main.sqlite_schema WHERE sql IS NOT NULL"
                      + " ORDER BY CASE WHEN type = 'table' AND sql LIKE 'CREATE VIRTUAL%' THEN 0"
                      + " WHEN type = 'table' THEN 1 WHEN type = 'index' THEN 2 WHEN type = 'view'"
                      + " THEN 3 ELSE 4 END, rowid",
                  "its schema cannot be read")
              .rows()
              .stream()
              .filter(ImportCheck::notSqlitesOwn)
              .toList();
      replay(database, scratch, schema);
      compileViewsAndTriggers(database, scratch, schema);
    } finally {
      engine.releaseFile(database, scratch);
      Snapshotter.deleteTree(scratchVersion);
    }
  }

  private static void header(Path candidate) {
    try (InputStream in = Files.newInputStream(candidate)) {
      byte[] start = in.readNBytes(HEADER.length);
      if (!Arrays.equals(start, HEADER)) {
        throw refused("it is not a SQLite 3 database file (its header is not \"SQLite format 3\")");
      }
      if (Files.size(candidate) < MIN_SIZE) {
        throw refused("it is truncated: " + Files.size(candidate) + " bytes");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded file", e);
    }
  }

  private void integrity(DatabaseRef database, Path candidate) {
    List<List<String>> rows =
        onFile(
                database,
                candidate,
                AccessMode.READ_ONLY,
                "PRAGMA integrity_check(5)",
                "it is damaged")
            .rows();
    if (rows.size() != 1 || !"ok".equals(rows.get(0).get(0))) {
      throw refused(
          "it is damaged: "
              + rows.stream().map(row -> row.get(0)).collect(Collectors.joining("; ")));
    }
  }

  /**
   * Whether a schema entry is one SQLite keeps for itself (its sequence and statistics tables),
   * which needs no check. SQLite refuses to create anything else named {@code sqlite_...}, but a
   * crafted file can hold such a view or trigger; it is checked like any other, and its reserved
   * name refuses it in {@link #replay}.
   */
  private static boolean notSqlitesOwn(List<String> entry) {
    return !("table".equals(entry.get(0)) && SQLITES_OWN_TABLES.contains(entry.get(1)));
  }

  private static final Set<String> SQLITES_OWN_TABLES =
      Set.of("sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4");

  /** Makes the schema again on the scratch database, one statement at a time, in order. */
  private void replay(DatabaseRef database, Path scratch, List<List<String>> schema) {
    Set<String> virtualTables = new LinkedHashSet<>();
    Set<String> shadows = new LinkedHashSet<>();
    for (List<String> row : schema) {
      String type = row.get(0);
      String name = row.get(1);
      String sql = row.get(3);
      if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
        throw refused(type + " " + name + " has a name SQLite reserves for itself");
      }
      if ("table".equals(type) && isShadow(name, virtualTables)) {
        shadows.add(name); // made by its virtual table's own CREATE
        continue;
      }
      if ("table".equals(type) && sql.regionMatches(true, 0, "CREATE VIRTUAL", 0, 14)) {
        virtualTables.add(name);
      }
      onFile(database, scratch, AccessMode.READ_WRITE, sql, type + " " + name);
    }
    if (!shadows.isEmpty()) {
      // A table merely named like a shadow table would otherwise skip the check.
      Set<String> made =
          onFile(
                  database,
                  scratch,
                  AccessMode.READ_ONLY,
                  "SELECT name FROM main.sqlite_schema WHERE type = 'table'",
                  "the scratch schema")
              .rows()
              .stream()
              .map(row -> row.get(0))
              .collect(Collectors.toSet());
      for (String shadow : shadows) {
        if (!made.contains(shadow)) {
          throw refused(
              "table " + shadow + " is named like a virtual table's shadow table but is none");
        }
      }
    }
  }

  private void compileViewsAndTriggers(
      DatabaseRef database, Path scratch, List<List<String>> schema) {
    Set<String> triggered = new LinkedHashSet<>();
    Set<String> views = new LinkedHashSet<>();
    for (List<String> row : schema) {
      if ("view".equals(row.get(0))) {
        views.add(row.get(1));
        onFile(
            database,
            scratch,
            AccessMode.READ_ONLY,
            "SELECT * FROM " + quoted(row.get(1)) + " LIMIT 0",
            "view " + row.get(1));
      } else if ("trigger".equals(row.get(0))) {
        triggered.add(row.get(2));
      }
    }
    for (String table : triggered) {
      String name = quoted(table);
      List<String> columns = new ArrayList<>();
      for (List<String> column :
          onFile(
                  database,
                  scratch,
                  AccessMode.READ_ONLY,
                  "SELECT name FROM pragma_table_xinfo(" + literal(table) + ") WHERE hidden = 0",
                  "table " + table)
              .rows()) {
        columns.add(quoted(column.get(0)));
      }
      List<String> probes = new ArrayList<>();
      probes.add("EXPLAIN INSERT INTO " + name + " DEFAULT VALUES");
      probes.add("EXPLAIN DELETE FROM " + name);
      if (!columns.isEmpty()) {
        probes.add(
            "EXPLAIN UPDATE "
                + name
                + " SET "
                + columns.stream().map(c -> c + " = " + c).collect(Collectors.joining(", ")));
      }
      for (String probe : probes) {
        try {
          engine.executeOnFile(database, scratch, AccessMode.READ_WRITE, probe);
        } catch (AybException e) {
          // A view without an INSTEAD OF trigger for this statement just cannot take it; on a
          // table these statements compile unless a trigger is refused.
          boolean benign =
              views.contains(table)
                  && !isPolicyRefusal(e)
                  && e.errorMessage().contains("cannot modify");
          if (!benign && e.kind().isCallersFault()) {
            throw refused("the triggers on " + table + " are refused: " + e.errorMessage());
          }
          if (!benign) {
            throw e;
          }
        }
      }
    }
  }

  private QueryResult onFile(
      DatabaseRef database, Path file, AccessMode mode, String sql, String what) {
    try {
      return engine.executeOnFile(database, file, mode, sql);
    } catch (AybException e) {
      if (e.kind().isCallersFault()) {
        throw refused(what + ": " + e.errorMessage());
      }
      throw e;
    }
  }

  private static boolean isShadow(String table, Set<String> virtualTables) {
    return virtualTables.stream().anyMatch(v -> table.startsWith(v + "_"));
  }

  static boolean isPolicyRefusal(AybException e) {
    return e.kind() == AybException.Kind.FORBIDDEN && e.type() == ErrorType.QueryError;
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static AybException refused(String why) {
    return AybException.badRequest("The uploaded file cannot be imported: " + why);
  }
}
