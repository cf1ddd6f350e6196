package org.aybdb.sandbox.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aybdb.sandbox.protocol.ErrorKind;
import org.aybdb.sandbox.protocol.FrameCodec;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.protocol.Response;
import org.aybdb.sandbox.protocol.Truncation;

/**
 * Serves requests against one DuckDB file through DuckDB's JDBC driver, one at a time.
 *
 * <p>As in ayb, every request opens its own connection in the requested access mode and closes it
 * afterwards, with one thread, a bounded {@code memory_limit}, no external access (no files but the
 * database, no URLs), no extension installing or loading, and the configuration locked before any
 * user SQL runs. A read-only caller's connection is {@code access_mode=READ_ONLY}, and DuckDB's
 * refusal is answered as ayb's read-only error. All statements of the SQL run; the answer is the
 * last one's result. INSERT, UPDATE and DELETE answer ayb's {@code Count} column.
 *
 * <p>The sandbox still holds around DuckDB: Landlock allows writes beneath the database's folder
 * only (where DuckDB keeps its WAL and spill files), seccomp denies sockets, rlimits bound memory
 * and file sizes.
 */
public final class DuckDbExecutor implements RequestHandler {

  private static final int BATCH_BYTES = 64 << 10;

  private final DaemonOptions options;
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "duckdb-timeout");
            t.setDaemon(true);
            return t;
          });

  public DuckDbExecutor(DaemonOptions options) {
    this.options = options;
  }

  @Override
  public Response.Hello hello() {
    return new Response.Hello(
        FrameCodec.PROTOCOL_VERSION, "duckdb " + version(), options.sandboxStatus());
  }

  /** The version of the DuckDB driver on the class path (read without loading DuckDB itself). */
  private static String version() {
    try {
      var manifests = DuckDbExecutor.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
      while (manifests.hasMoreElements()) {
        try (var in = manifests.nextElement().openStream()) {
          var attributes = new java.util.jar.Manifest(in).getMainAttributes();
          if ("org.duckdb.duckdb_jdbc".equals(attributes.getValue("Bundle-SymbolicName"))) {
            return attributes.getValue("Bundle-Version");
          }
        }
      }
    } catch (IOException e) {
      // Only the hello's text suffers.
    }
    return "unknown";
  }

  @Override
  public boolean handle(Request request, OutputStream out) throws IOException {
    if (request instanceof Request.Query q) {
      try {
        query(q, out);
      } catch (OutOfMemoryError e) {
        error(out, q.id(), ErrorKind.INTERNAL, "The query ran out of memory in the daemon");
      }
    } else if (request instanceof Request.Batch b) {
      // Bound parameters, typed results and atomic batches are built on SQLite's API so far.
      error(
          out,
          b.id(),
          ErrorKind.UNSUPPORTED,
          "Query bodies with parameters or batches are not supported for DuckDB databases yet;"
              + " send the SQL as the raw body");
    } else if (request instanceof Request.Ping p) {
      FrameCodec.writeResponse(out, new Response.Pong(p.id()));
    } else if (request instanceof Request.VacuumInto v) {
      copyInto(v, out);
    } else if (request instanceof Request.Shutdown s) {
      FrameCodec.writeResponse(out, new Response.Ok(s.id()));
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- QUERY

  private void query(Request.Query q, OutputStream out) throws IOException {
    Response.Error refusal = refusal(q, q.sql().getBytes(StandardCharsets.UTF_8), options);
    if (refusal != null) {
      FrameCodec.writeResponse(out, refusal);
      return;
    }
    if (q.sessionId() != 0) {
      error(out, q.id(), ErrorKind.UNSUPPORTED, "Sessions are not supported yet");
      return;
    }
    int timeout = q.timeoutMillis() == 0 ? options.defaultTimeoutMillis() : q.timeoutMillis();
    int maxRows = q.maxRows() == 0 ? options.defaultMaxRows() : q.maxRows();
    long maxBytes = q.maxBytes() == 0 ? options.defaultMaxBytes() : q.maxBytes();
    boolean ro = q.mode() == QueryMode.READ_ONLY;
    AtomicBoolean timedOut = new AtomicBoolean();
    try (Connection conn = open(ro);
        Statement stmt = conn.createStatement()) {
      ScheduledFuture<?> alarm =
          watchdog.schedule(
              () -> {
                timedOut.set(true);
                try {
                  stmt.cancel();
                } catch (SQLException ignored) {
                  // The statement ended meanwhile.
                }
              },
              timeout,
              TimeUnit.MILLISECONDS);
      try {
        Truncation truncation = Truncation.NONE;
        if (stmt.execute(q.sql())) {
          try (ResultSet rs = stmt.getResultSet()) {
            truncation = streamRows(rs, q.id(), out, maxRows, maxBytes);
          }
        } else {
          long count = stmt.getLargeUpdateCount();
          if (count >= 0) {
            // ayb: DuckDB answers INSERT, UPDATE and DELETE with one "Count" row.
            FrameCodec.writeResponse(out, new Response.Columns(q.id(), List.of("Count")));
            FrameCodec.RowBatch batch = new FrameCodec.RowBatch(1);
            batch.addCell(Long.toString(count).getBytes(StandardCharsets.US_ASCII));
            batch.endRow();
            batch.writeTo(out, q.id());
          } else {
            FrameCodec.writeResponse(out, new Response.Columns(q.id(), List.of()));
          }
        }
        if (rolledBackOpenTransaction(conn)) {
          FrameCodec.writeResponse(
              out,
              new Response.Error(
                  q.id(),
                  ErrorKind.TRANSACTION_LEFT_OPEN,
                  -1,
                  1,
                  "The query left a transaction open (BEGIN without COMMIT or ROLLBACK). Queries"
                      + " are stateless, so it was rolled back and none of its changes were"
                      + " kept"));
          return;
        }
        FrameCodec.writeResponse(out, new Response.End(q.id(), 1, truncation));
      } finally {
        alarm.cancel(false);
      }
    } catch (SQLException e) {
      sqlError(out, q.id(), e, timedOut.get(), timeout);
    }
  }

  /**
   * Whether the SQL left a transaction open (BEGIN without COMMIT): then it is rolled back here. In
   * autocommit mode ROLLBACK succeeds only inside such a transaction.
   */
  private static boolean rolledBackOpenTransaction(Connection conn) {
    try (Statement rollback = conn.createStatement()) {
      rollback.execute("ROLLBACK");
      return true;
    } catch (SQLException noTransaction) {
      return false;
    }
  }

  private Truncation streamRows(ResultSet rs, long id, OutputStream out, int maxRows, long maxBytes)
      throws SQLException, IOException {
    ResultSetMetaData md = rs.getMetaData();
    int columns = md.getColumnCount();
    List<String> names = new ArrayList<>(columns);
    String[] types = new String[columns];
    for (int c = 0; c < columns; c++) {
      names.add(md.getColumnLabel(c + 1));
      types[c] = md.getColumnTypeName(c + 1);
    }
    FrameCodec.writeResponse(out, new Response.Columns(id, names));
    FrameCodec.RowBatch batch = new FrameCodec.RowBatch(columns);
    byte[][] cells = new byte[columns][];
    int rows = 0;
    long bytes = 0;
    Truncation truncation = Truncation.NONE;
    while (rs.next()) {
      if (rows == maxRows) {
        truncation = Truncation.ROWS;
        break;
      }
      long cost = JsonCost.ROW;
      for (int c = 0; c < columns; c++) {
        String text = DuckDbValues.cell(rs, c + 1, types[c]);
        cells[c] = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        cost += cells[c] == null ? JsonCost.NULL_CELL : JsonCost.string(cells[c], cells[c].length);
      }
      if (bytes + cost > maxBytes) {
        truncation = Truncation.BYTES;
        break;
      }
      for (byte[] cell : cells) {
        batch.addCell(cell);
      }
      batch.endRow();
      bytes += cost;
      rows++;
      if (batch.size() >= BATCH_BYTES) {
        batch.writeTo(out, id);
      }
    }
    if (batch.rowCount() > 0) {
      batch.writeTo(out, id);
    }
    return truncation;
  }

  // ---------------------------------------------------------------- snapshots

  /**
   * Copies the database into a fresh file beside it, as ayb snapshots DuckDB: an in-memory DuckDB
   * attaches the database read-only and the target, copies with {@code COPY FROM DATABASE}, then
   * checks the copy can be read. Only this fixed SQL runs on that connection, so it may reach
   * files; the sandbox still limits it to the database's folder.
   */
  private void copyInto(Request.VacuumInto v, OutputStream out) throws IOException {
    Path dir = options.dbFile().toAbsolutePath().getParent();
    Path relative = Path.of(v.target());
    Path target = dir.resolve(relative).normalize();
    if (relative.isAbsolute() || !target.startsWith(dir) || target.equals(dir)) {
      error(
          out,
          v.id(),
          ErrorKind.BAD_REQUEST,
          "Copy target must be a relative path inside the database's directory: " + v.target());
      return;
    }
    if (Files.exists(target)) {
      error(out, v.id(), ErrorKind.BAD_REQUEST, "Copy target exists: " + target);
      return;
    }
    try {
      ensureExists();
      Properties props = settings(false, false);
      try (Connection conn = DriverManager.getConnection("jdbc:duckdb:", props);
          Statement stmt = conn.createStatement()) {
        stmt.execute(
            "ATTACH " + literal(options.dbFile().toAbsolutePath()) + " AS src (READ_ONLY)");
        stmt.execute("ATTACH " + literal(target) + " AS dst");
        stmt.execute("COPY FROM DATABASE src TO dst");
        stmt.execute("DETACH src");
        stmt.execute("DETACH dst");
        stmt.execute("ATTACH " + literal(target) + " AS chk (READ_ONLY)");
        try (ResultSet rs =
            stmt.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'chk'")) {
          rs.next();
        }
        stmt.execute("DETACH chk");
      }
      FrameCodec.writeResponse(out, new Response.Ok(v.id()));
    } catch (SQLException e) {
      try {
        Files.deleteIfExists(target);
        Files.deleteIfExists(Path.of(target + ".wal"));
      } catch (IOException ignored) {
        // The caller deletes its scratch folder anyway.
      }
      sqlError(out, v.id(), e, false, 0);
    }
  }

  /** Why a query is refused before it reaches any engine (too large, holds a NUL byte), or null. */
  private static Response.Error refusal(Request.Query q, byte[] sql, DaemonOptions options) {
    if (sql.length > options.maxSqlBytes()) {
      return new Response.Error(
          q.id(),
          ErrorKind.SQL_TOO_LARGE,
          -1,
          0,
          "The query is "
              + sql.length
              + " bytes long; the maximum is "
              + options.maxSqlBytes()
              + " bytes");
    }
    int nul = QueryExecutor.indexOfNul(sql);
    if (nul >= 0) {
      return new Response.Error(
          q.id(),
          ErrorKind.BAD_REQUEST,
          -1,
          0,
          "The query contains a NUL byte (at byte " + nul + "); SQL text must not contain NUL");
    }
    return null;
  }

  private static String literal(Path p) {
    return "'" + p.toString().replace("'", "''") + "'";
  }

  // ---------------------------------------------------------------- connections and errors

  private Connection open(boolean ro) throws SQLException {
    if (ro) {
      ensureExists();
    }
    return DriverManager.getConnection(
        "jdbc:duckdb:" + options.dbFile().toAbsolutePath(), settings(ro, true));
  }

  /** A never-written database is created empty, so readers get empty results, not an error. */
  private void ensureExists() throws SQLException {
    if (!Files.exists(options.dbFile())) {
      DriverManager.getConnection(
              "jdbc:duckdb:" + options.dbFile().toAbsolutePath(), settings(false, true))
          .close();
    }
  }

  /**
   * DuckDB's settings for a connection; {@code forUsers} closes external access and locks the
   * configuration (the daemon's own snapshot connection needs files).
   */
  Properties settings(boolean ro, boolean forUsers) {
    Properties p = new Properties();
    p.setProperty("threads", "1");
    // Rows are fetched as they are sent: a result past the row or byte cap is never built whole.
    p.setProperty("jdbc_stream_results", "true");
    p.setProperty("memory_limit", (options.duckdbMemoryBytes() >> 10) + "KiB");
    if (options.fileSizeLimit() > 0) {
      // DuckDB spills beside the database; by default it may fill 90% of the disk.
      p.setProperty("max_temp_directory_size", (options.fileSizeLimit() >> 10) + "KiB");
    }
    p.setProperty("autoinstall_known_extensions", "false");
    p.setProperty("autoload_known_extensions", "false");
    p.setProperty("allow_community_extensions", "false");
    p.setProperty("allow_unsigned_extensions", "false");
    if (ro) {
      p.setProperty("access_mode", "READ_ONLY");
    }
    if (forUsers) {
      p.setProperty("enable_external_access", "false");
      p.setProperty("lock_configuration", "true");
    }
    return p;
  }

  private void sqlError(OutputStream out, long id, SQLException e, boolean timedOut, int timeout)
      throws IOException {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    String lower = message.toLowerCase(Locale.ROOT);
    ErrorKind kind = ErrorKind.SQL;
    if (timedOut) {
      kind = ErrorKind.TIMEOUT;
      message = "Query exceeded the time limit of " + timeout + " ms and was interrupted";
    } else if (lower.contains("read-only") || lower.contains("cannot execute write")) {
      kind = ErrorKind.READ_ONLY; // ayb's test for DuckDB's read-only refusal
    } else if (lower.contains("file size limit") || lower.contains("file too large")) {
      kind = ErrorKind.STORAGE_FULL;
    }
    error(out, id, kind, message);
  }

  private static void error(OutputStream out, long id, ErrorKind kind, String message)
      throws IOException {
    FrameCodec.writeResponse(out, new Response.Error(id, kind, -1, 0, message));
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
