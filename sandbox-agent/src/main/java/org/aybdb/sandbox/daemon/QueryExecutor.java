package org.aybdb.sandbox.daemon;

import static org.aybdb.sandbox.sqlite.Sqlite3.*;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aybdb.sandbox.protocol.ErrorKind;
import org.aybdb.sandbox.protocol.FrameCodec;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.protocol.Response;
import org.aybdb.sandbox.protocol.Statement;
import org.aybdb.sandbox.protocol.Truncation;
import org.aybdb.sandbox.sqlite.AccessPolicy;
import org.aybdb.sandbox.sqlite.Sqlite3;
import org.aybdb.sandbox.sqlite.SqliteConnection;
import org.aybdb.sandbox.sqlite.SqliteException;

/**
 * Serves requests against one database file, one at a time.
 *
 * <p>A query runs every statement of its SQL in order, each in autocommit mode unless the SQL
 * itself opens a transaction, and answers with the last statement's columns and rows. The first
 * failing statement stops the request (earlier statements stay committed, as with {@code
 * sqlite3_exec}); a transaction still open when the request ends is rolled back and reported.
 *
 * <p>Connections: one read-only ({@code SQLITE_OPEN_READONLY}) and one read-write connection are
 * kept open between requests to save the open cost. Both run user SQL under an {@link AccessPolicy}
 * (SQLite's authorizer), which also reports what each request did: a connection is closed after any
 * request that failed, changed a row ({@code last_insert_rowid()} and {@code total_changes()} would
 * show it), set a pragma, or created a temp object. Transactions cannot outlive a request (see
 * above), ATTACH is refused, and nothing process-wide is reachable from SQL (the policy refuses
 * those pragmas). So every request sees a connection as freshly opened, as in ayb.
 *
 * <p>SQL holding a NUL byte is refused before anything runs: SQLite would stop reading at the NUL
 * and run what follows it as the next statement, text nobody shown the SQL would have seen.
 *
 * <p>SQL with more than {@link DaemonOptions#maxNestingKeywords()} SELECT and TRIGGER keywords is
 * refused too: SQLite prepares chains of CTEs, views and triggers by recursion on the native stack,
 * and a chain a few thousand deep would crash the daemon (a JVM cannot survive a native stack
 * overflow).
 *
 * <p>The byte cap ({@code max_result_bytes}) counts what the rows cost as ayb's JSON ({@link
 * JsonCost}): quotes, escapes, {@code null}, commas and brackets, not just the cell text.
 */
public final class QueryExecutor implements RequestHandler {

  private static final int BATCH_BYTES = 64 << 10;

  private static final int EFBIG = 27;

  /** The largest cell buffer kept from one request to the next. */
  private static final int KEPT_BUFFER_BYTES = 64 << 10;

  private final DaemonOptions options;
  private final SqliteConnection.Settings userSettings;
  private SqliteConnection readOnly;
  private SqliteConnection readWrite;
  private Memory sqlMemory = new Memory(4096);
  private byte[][] cellBuffers = new byte[0][];
  private int[] cellLengths = new int[0];
  private long rowCost;
  private int sentRows;
  private final TypedRows typedRows = new TypedRows();
  private long sentBytes;

  public QueryExecutor(DaemonOptions options) {
    this.options = options;
    this.userSettings =
        new SqliteConnection.Settings(
            options.maxValueLength(),
            Math.min(options.maxSqlBytes(), options.maxValueLength()),
            0,
            options.busyTimeoutMillis());
  }

  /** The hello frame this executor's daemon sends first. */
  @Override
  public Response.Hello hello() {
    return new Response.Hello(
        FrameCodec.PROTOCOL_VERSION,
        "sqlite " + SqliteConnection.libraryVersion(),
        options.sandboxStatus());
  }

  /**
   * Answers one request (without flushing). Returns false when the daemon should exit (after {@link
   * Request.Shutdown}).
   */
  @Override
  public boolean handle(Request request, OutputStream out) throws IOException {
    if (request instanceof Request.Query || request instanceof Request.Batch) {
      try {
        if (request instanceof Request.Query q) {
          query(q, out);
        } else {
          batch((Request.Batch) request, out);
        }
      } catch (OutOfMemoryError e) {
        closeConnections();
        sqlMemory = new Memory(4096);
        cellBuffers = new byte[0][];
        typedRows.releaseLargeBuffer(0);
        error(
            out,
            request.id(),
            ErrorKind.INTERNAL,
            -1,
            0,
            "The query ran out of memory in the daemon");
      } finally {
        releaseLargeBuffers();
      }
    } else if (request instanceof Request.Ping p) {
      FrameCodec.writeResponse(out, new Response.Pong(p.id()));
    } else if (request instanceof Request.VacuumInto v) {
      vacuumInto(v, out);
    } else if (request instanceof Request.Shutdown s) {
      closeConnections();
      FrameCodec.writeResponse(out, new Response.Ok(s.id()));
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- QUERY

  private void query(Request.Query q, OutputStream out) throws IOException {
    byte[] sql = q.sql().getBytes(StandardCharsets.UTF_8);
    if (sql.length > options.maxSqlBytes()) {
      error(
          out,
          q.id(),
          ErrorKind.SQL_TOO_LARGE,
          -1,
          0,
          "The query is "
              + sql.length
              + " bytes long; the maximum is "
              + options.maxSqlBytes()
              + " bytes");
      return;
    }
    if (refused(out, q.id(), sql, 0, SqlText.countNestingKeywords(sql))) {
      return;
    }
    if (q.sessionId() != 0) {
      error(out, q.id(), ErrorKind.UNSUPPORTED, -1, 0, "Sessions are not supported yet");
      return;
    }
    int timeout = timeout(q.timeoutMillis());
    int maxRows = q.maxRows() == 0 ? options.defaultMaxRows() : q.maxRows();
    long maxBytes = q.maxBytes() == 0 ? options.defaultMaxBytes() : q.maxBytes();
    boolean ro = q.mode() == QueryMode.READ_ONLY;

    SqliteConnection conn = openFor(out, q.id(), ro, timeout, q.maxFileBytes());
    if (conn == null) {
      return;
    }

    long base = loadSql(sql);

    conn.beginRequest();
    boolean keep = true;
    int index = 0;
    Truncation truncation = Truncation.NONE;
    boolean columnsSent = false;
    int current = 0;
    try {
      int offset = SqlText.skipTrivia(sql, 0);
      while (offset < sql.length) {
        current = index + 1;
        Pointer stmt = conn.prepare(sqlMemory.share(offset), sql.length - offset);
        int next = (int) (conn.tailAddress() - base);
        if (stmt == null) {
          offset = SqlText.skipTrivia(sql, Math.max(next, offset + 1));
          continue;
        }
        index++;
        next = SqlText.skipTrivia(sql, next);
        boolean last = next >= sql.length;
        try {
          if (conn.preparedAddsNesting()) {
            refusePastViewAndTriggerCap(conn, options.maxViewsAndTriggers());
          }
          if (last) {
            columnsSent = true;
            truncation = streamRows(conn, stmt, q.id(), out, maxRows, maxBytes);
          } else {
            drain(conn, stmt);
          }
        } finally {
          sqlite3_finalize(stmt);
        }
        offset = next;
      }
    } catch (SqliteException e) {
      keep = false;
      rollbackIfOpen(conn);
      sqlError(out, q.id(), e, current, timeout, conn.denial());
      discardIfNot(keep, ro);
      return;
    } catch (NotUtf8 e) {
      keep = false;
      rollbackIfOpen(conn);
      error(out, q.id(), ErrorKind.VALUE_NOT_UTF8, -1, current, e.getMessage());
      discardIfNot(keep, ro);
      return;
    }
    if (!conn.autocommit()) {
      rollbackIfOpen(conn);
      error(
          out,
          q.id(),
          ErrorKind.TRANSACTION_LEFT_OPEN,
          -1,
          index,
          "The query left a transaction open (BEGIN without COMMIT or ROLLBACK). Queries are"
              + " stateless, so it was rolled back and none of its changes were kept");
      discardIfNot(false, ro);
      return;
    }
    if (!columnsSent) {
      FrameCodec.writeResponse(out, new Response.Columns(q.id(), List.of()));
    }
    FrameCodec.writeResponse(out, new Response.End(q.id(), index, truncation));
    discardIfNot(keep && !conn.leftState(), ro);
  }

  /**
   * Answers an error and returns true when {@code sql} holds a NUL byte or {@code nesting} passes
   * the nesting cap ({@code index}: the 1-based statement of a batch, or 0).
   */
  private boolean refused(OutputStream out, long id, byte[] sql, int index, int nesting)
      throws IOException {
    int nul = indexOfNul(sql);
    if (nul >= 0) {
      error(
          out,
          id,
          ErrorKind.BAD_REQUEST,
          -1,
          index,
          "The query contains a NUL byte (at byte " + nul + "); SQL text must not contain NUL");
      return true;
    }
    if (nesting > options.maxNestingKeywords()) {
      error(
          out,
          id,
          ErrorKind.BAD_REQUEST,
          -1,
          index,
          "The query holds "
              + nesting
              + " SELECT and TRIGGER keywords; at most "
              + options.maxNestingKeywords()
              + " are allowed in one request (SQLite nests views, CTEs and triggers on the"
              + " daemon's stack)");
      return true;
    }
    return false;
  }

  /**
   * Lets go of cell buffers a request grew past {@value #KEPT_BUFFER_BYTES} bytes: the daemon's
   * heap is small, and buffers kept per column would add up request after request (a large cell in
   * each column in turn) until a plain read ran out of memory.
   */
  private void releaseLargeBuffers() {
    for (int c = 0; c < cellBuffers.length; c++) {
      if (cellBuffers[c].length > KEPT_BUFFER_BYTES) {
        cellBuffers[c] = new byte[64];
      }
    }
    typedRows.releaseLargeBuffer(KEPT_BUFFER_BYTES);
  }

  /** A request's time limit: its own, or the daemon's default for 0. */
  private int timeout(int requested) {
    return requested == 0 ? options.defaultTimeoutMillis() : requested;
  }

  /**
   * The user connection for a request, its deadline, busy timeout and storage budget set; null
   * after answering an error.
   */
  private SqliteConnection openFor(
      OutputStream out, long id, boolean ro, int timeout, long maxFileBytes) throws IOException {
    SqliteConnection conn;
    try {
      conn = connection(ro);
    } catch (SqliteException e) {
      sqlError(out, id, e, 0, timeout, null);
      return null;
    }
    conn.setDeadline(System.nanoTime() + timeout * 1_000_000L);
    conn.busyTimeout(Math.min(options.busyTimeoutMillis(), timeout));
    if (!ro) {
      try {
        FileQuota.apply(conn, maxFileBytes);
      } catch (SqliteException e) {
        discardIfNot(false, ro);
        sqlError(out, id, e, 0, timeout, null);
        return null;
      }
    }
    return conn;
  }

  // ---------------------------------------------------------------- BATCH

  private void batch(Request.Batch b, OutputStream out) throws IOException {
    int n = b.statements().size();
    if (n == 0) {
      error(out, b.id(), ErrorKind.BAD_REQUEST, -1, 0, "The batch holds no statement");
      return;
    }
    byte[][] texts = new byte[n][];
    long total = 0;
    int nesting = 0;
    for (int i = 0; i < n; i++) {
      texts[i] = b.statements().get(i).sql().getBytes(StandardCharsets.UTF_8);
      total += texts[i].length;
      nesting += SqlText.countNestingKeywords(texts[i]);
      if (refused(out, b.id(), texts[i], i + 1, 0)) {
        return;
      }
    }
    if (total > options.maxSqlBytes()) {
      error(
          out,
          b.id(),
          ErrorKind.SQL_TOO_LARGE,
          -1,
          0,
          "The statements are "
              + total
              + " bytes long; the maximum is "
              + options.maxSqlBytes()
              + " bytes");
      return;
    }
    if (refused(out, b.id(), new byte[0], 0, nesting)) {
      return;
    }
    boolean ro = b.mode() == QueryMode.READ_ONLY;
    int timeout = timeout(b.timeoutMillis());
    SqliteConnection conn = openFor(out, b.id(), ro, timeout, b.maxFileBytes());
    if (conn == null) {
      return;
    }
    int rowsLeft = b.maxRows() == 0 ? options.defaultMaxRows() : b.maxRows();
    long bytesLeft = b.maxBytes() == 0 ? options.defaultMaxBytes() : b.maxBytes();
    conn.beginRequest();
    Truncation overall = Truncation.NONE;
    int current = 0;
    try {
      if (b.atomic()) {
        conn.execTrusted("BEGIN");
      }
      for (int i = 0; i < n; i++) {
        current = i + 1;
        Statement st = b.statements().get(i);
        if (b.atomic() && SqlText.controlsTransaction(texts[i])) {
          throw new ParamBinder.BindError(
              "A batch runs in one transaction; its statements may not begin or end"
                  + " transactions (BEGIN, COMMIT, END, ROLLBACK, SAVEPOINT, RELEASE)");
        }
        long started = System.nanoTime();
        long changesBefore = conn.totalChanges();
        Pointer stmt = prepareOne(conn, texts[i]);
        Truncation truncation;
        try {
          if (conn.preparedAddsNesting()) {
            refusePastViewAndTriggerCap(conn, options.maxViewsAndTriggers());
          }
          ParamBinder.bind(conn, stmt, st);
          if (b.typed()) {
            truncation = typedRows.stream(conn, stmt, b.id(), out, rowsLeft, bytesLeft);
            rowsLeft -= typedRows.rows();
            bytesLeft -= typedRows.bytes();
          } else {
            truncation = streamRows(conn, stmt, b.id(), out, rowsLeft, bytesLeft);
            rowsLeft -= sentRows;
            bytesLeft -= sentBytes;
          }
        } finally {
          sqlite3_finalize(stmt);
        }
        if (overall == Truncation.NONE) {
          overall = truncation;
        }
        FrameCodec.writeResponse(
            out,
            new Response.StatementEnd(
                b.id(),
                current,
                truncation,
                conn.totalChanges() - changesBefore,
                conn.lastInsertRowid(),
                System.nanoTime() - started));
      }
      if (b.atomic()) {
        current = 0;
        conn.execTrusted("COMMIT");
      }
    } catch (SqliteException e) {
      rollbackIfOpen(conn);
      sqlError(out, b.id(), e, current, timeout, conn.denial());
      discardIfNot(false, ro);
      return;
    } catch (ParamBinder.BindError | NotUtf8 e) {
      rollbackIfOpen(conn);
      ErrorKind kind = e instanceof NotUtf8 ? ErrorKind.VALUE_NOT_UTF8 : ErrorKind.BAD_REQUEST;
      error(out, b.id(), kind, -1, current, e.getMessage());
      discardIfNot(false, ro);
      return;
    }
    if (!conn.autocommit()) {
      rollbackIfOpen(conn);
      error(
          out,
          b.id(),
          ErrorKind.TRANSACTION_LEFT_OPEN,
          -1,
          n,
          "The query left a transaction open (BEGIN without COMMIT or ROLLBACK). Queries are"
              + " stateless, so it was rolled back and none of its changes were kept");
      discardIfNot(false, ro);
      return;
    }
    FrameCodec.writeResponse(out, new Response.End(b.id(), n, overall));
    discardIfNot(!conn.leftState(), ro);
  }

  /**
   * Prepares the one SQL statement of {@code sql}; a text holding none, or more than one, is
   * refused (a batch entry is one statement, so its parameters and result are unambiguous).
   */
  private Pointer prepareOne(SqliteConnection conn, byte[] sql)
      throws SqliteException, ParamBinder.BindError {
    long base = loadSql(sql);
    int offset = SqlText.skipTrivia(sql, 0);
    Pointer stmt = conn.prepare(sqlMemory.share(offset), sql.length - offset);
    if (stmt == null) {
      throw new ParamBinder.BindError("The statement is empty");
    }
    int next = (int) (conn.tailAddress() - base);
    if (SqlText.skipTrivia(sql, next) < sql.length) {
      sqlite3_finalize(stmt);
      throw new ParamBinder.BindError(
          "The text holds more than one SQL statement; send each statement on its own");
    }
    return stmt;
  }

  /** Copies {@code sql} NUL-terminated into {@link #sqlMemory}; returns its native address. */
  private long loadSql(byte[] sql) {
    if (sqlMemory.size() < sql.length + 1L) {
      sqlMemory = new Memory(Math.max(sql.length + 1L, sqlMemory.size() * 2));
    }
    sqlMemory.write(0, sql, 0, sql.length);
    sqlMemory.setByte(sql.length, (byte) 0);
    return Pointer.nativeValue(sqlMemory);
  }

  private Truncation streamRows(
      SqliteConnection conn, Pointer stmt, long id, OutputStream out, int maxRows, long maxBytes)
      throws SqliteException, IOException, NotUtf8 {
    int columns = sqlite3_column_count(stmt);
    List<String> names = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      String name = Sqlite3.string(sqlite3_column_name(stmt, c));
      names.add(name == null ? "" : name);
    }
    FrameCodec.writeResponse(out, new Response.Columns(id, names));
    ensureCellBuffers(columns);
    FrameCodec.RowBatch batch = new FrameCodec.RowBatch(columns);
    Pumped sent =
        pumpRows(
            conn,
            stmt,
            id,
            out,
            maxRows,
            maxBytes,
            batch,
            new RowSource() {
              @Override
              public long read(Pointer row, int budgetColumns, long budget) throws NotUtf8 {
                return readRow(row, budgetColumns, budget) ? rowCost : -1;
              }

              @Override
              public void append(Pointer row, int cells) {
                for (int c = 0; c < cells; c++) {
                  int length = cellLengths[c];
                  batch.addCell(length < 0 ? null : cellBuffers[c], 0, Math.max(length, 0));
                }
              }
            });
    sentRows = sent.rows();
    sentBytes = sent.bytes();
    return sent.truncation();
  }

  /** What {@link #pumpRows} sent. */
  record Pumped(Truncation truncation, int rows, long bytes) {}

  /** How one kind of row frame reads the current row and appends it to its batch. */
  interface RowSource {
    /** The current row's JSON cost, or -1 when it would pass {@code budget}. */
    long read(Pointer stmt, int columns, long budget) throws NotUtf8;

    /** Appends the cells of the row {@link #read} last (the caller ends the row). */
    void append(Pointer stmt, int columns) throws NotUtf8;
  }

  /**
   * Steps {@code stmt} to its end, sending its rows in frames of about {@value #BATCH_BYTES} bytes
   * until the row or byte cap; then a read-only statement stops, a writing one runs to its end and
   * its surplus rows are dropped.
   */
  static Pumped pumpRows(
      SqliteConnection conn,
      Pointer stmt,
      long id,
      OutputStream out,
      int maxRows,
      long maxBytes,
      FrameCodec.CellBatch batch,
      RowSource source)
      throws SqliteException, IOException, NotUtf8 {
    int columns = sqlite3_column_count(stmt);
    boolean readOnlyStatement = sqlite3_stmt_readonly(stmt) != 0;
    Truncation truncation = Truncation.NONE;
    int rows = 0;
    long bytes = 0;
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) {
        break;
      }
      if (rc != SQLITE_ROW) {
        throw conn.error(rc);
      }
      if (truncation != Truncation.NONE) {
        continue; // a writing statement runs to its end; its surplus rows are dropped
      }
      long cost = rows == maxRows ? -1 : source.read(stmt, columns, maxBytes - bytes);
      if (cost < 0) {
        truncation = rows == maxRows ? Truncation.ROWS : Truncation.BYTES;
        if (readOnlyStatement) {
          break;
        }
        continue;
      }
      source.append(stmt, columns);
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
    return new Pumped(truncation, rows, bytes);
  }

  /**
   * Reads the current row's cells into {@link #cellBuffers} (length -1 = NULL) and sets {@link
   * #rowCost} to the row's JSON cost. Returns false, without reading further, when that cost would
   * exceed {@code budget} bytes.
   */
  private boolean readRow(Pointer stmt, int columns, long budget) throws NotUtf8 {
    long rowBytes = JsonCost.ROW;
    for (int c = 0; c < columns; c++) {
      int type = sqlite3_column_type(stmt, c);
      byte[] text;
      switch (type) {
        case SQLITE_NULL -> {
          cellLengths[c] = -1;
          rowBytes += JsonCost.NULL_CELL;
          if (rowBytes > budget) {
            return false;
          }
          continue;
        }
        case SQLITE_INTEGER -> text = ascii(Long.toString(sqlite3_column_int64(stmt, c)));
        case SQLITE_FLOAT -> text = ascii(ValueFormat.real(sqlite3_column_double(stmt, c)));
        default -> {
          long p =
              type == SQLITE_BLOB ? sqlite3_column_blob(stmt, c) : sqlite3_column_text(stmt, c);
          int n = sqlite3_column_bytes(stmt, c);
          if (rowBytes + JsonCost.STRING_CELL + n > budget) {
            return false;
          }
          if (cellBuffers[c].length < n) {
            cellBuffers[c] = new byte[Math.max(n, cellBuffers[c].length * 2)];
          }
          Sqlite3.read(p, cellBuffers[c], n);
          ValueFormat.Utf8Error bad = ValueFormat.checkUtf8(cellBuffers[c], n);
          if (bad != null) {
            // ayb's message: the Debug text of the Rust error (FromSqlError::Other for TEXT).
            throw new NotUtf8(
                type == SQLITE_BLOB ? bad.rustDebug() : "Other(" + bad.rustDebug() + ")");
          }
          cellLengths[c] = n;
          rowBytes += JsonCost.string(cellBuffers[c], n);
          if (rowBytes > budget) {
            return false;
          }
          continue;
        }
      }
      if (rowBytes + JsonCost.STRING_CELL + text.length > budget) {
        return false;
      }
      if (cellBuffers[c].length < text.length) {
        cellBuffers[c] = new byte[Math.max(32, text.length)];
      }
      System.arraycopy(text, 0, cellBuffers[c], 0, text.length);
      cellLengths[c] = text.length;
      rowBytes += JsonCost.STRING_CELL + text.length; // digits, '.', '-', "inf": nothing to escape
    }
    rowCost = rowBytes;
    return true;
  }

  private static void refusePastViewAndTriggerCap(SqliteConnection conn, int cap)
      throws SqliteException {
    long count =
        conn.queryLong("SELECT count(*) FROM main.sqlite_schema WHERE type IN ('view', 'trigger')");
    if (count >= cap) {
      throw new SqliteException(
          SQLITE_ERROR,
          "The database already holds "
              + count
              + " views and triggers; at most "
              + cap
              + " are allowed (SQLite nests them on the daemon's stack)",
          0);
    }
  }

  private static void drain(SqliteConnection conn, Pointer stmt) throws SqliteException {
    int rc;
    do {
      rc = sqlite3_step(stmt);
    } while (rc == SQLITE_ROW);
    if (rc != SQLITE_DONE) {
      throw conn.error(rc);
    }
  }

  private void ensureCellBuffers(int columns) {
    if (cellBuffers.length < columns) {
      byte[][] grown = new byte[columns][];
      for (int c = 0; c < columns; c++) {
        grown[c] = c < cellBuffers.length ? cellBuffers[c] : new byte[64];
      }
      cellBuffers = grown;
      cellLengths = new int[columns];
    }
  }

  // ---------------------------------------------------------------- VACUUM INTO

  private void vacuumInto(Request.VacuumInto v, OutputStream out) throws IOException {
    Path dir = options.dbFile().toAbsolutePath().getParent();
    Path target;
    try {
      Path relative = Path.of(v.target());
      target = dir.resolve(relative).normalize();
      if (relative.isAbsolute() || !target.startsWith(dir) || target.equals(dir)) {
        error(
            out,
            v.id(),
            ErrorKind.BAD_REQUEST,
            -1,
            0,
            "VACUUM INTO target must be a relative path inside the database's directory: "
                + v.target());
        return;
      }
    } catch (RuntimeException e) {
      error(out, v.id(), ErrorKind.BAD_REQUEST, -1, 0, "Bad VACUUM INTO target: " + v.target());
      return;
    }
    if (Files.exists(target)) {
      error(out, v.id(), ErrorKind.BAD_REQUEST, -1, 0, "VACUUM INTO target exists: " + target);
      return;
    }
    int timeout = timeout(v.timeoutMillis());
    // VACUUM attaches its target internally, so this connection allows one attachment; it runs
    // only the daemon's own statement, never user SQL.
    SqliteConnection.Settings settings =
        new SqliteConnection.Settings(
            options.maxValueLength(), 4096, 1, Math.min(options.busyTimeoutMillis(), timeout));
    try (SqliteConnection conn = SqliteConnection.open(options.dbFile(), true, settings)) {
      conn.setDeadline(System.nanoTime() + timeout * 1_000_000L);
      byte[] sql = (("VACUUM INTO ?") + "\0").getBytes(StandardCharsets.UTF_8);
      Memory mem = new Memory(sql.length);
      mem.write(0, sql, 0, sql.length);
      Pointer stmt = conn.prepare(mem, sql.length - 1);
      try {
        byte[] path = target.toString().getBytes(StandardCharsets.UTF_8);
        sqlite3_bind_text(stmt, 1, path, path.length, SQLITE_TRANSIENT);
        drain(conn, stmt);
      } finally {
        sqlite3_finalize(stmt);
      }
      FrameCodec.writeResponse(out, new Response.Ok(v.id()));
    } catch (SqliteException e) {
      sqlError(out, v.id(), e, 0, timeout, null);
    }
  }

  // ---------------------------------------------------------------- connections and errors

  private SqliteConnection connection(boolean ro) throws SqliteException {
    if (ro) {
      if (readOnly == null) {
        if (!Files.exists(options.dbFile())) {
          // Created but never written: make the empty database (in WAL mode, as a writer would)
          // so that readers get empty results instead of "unable to open database file".
          SqliteConnection.open(options.dbFile(), false, userSettings).close();
        }
        readOnly = openForUsers(true);
      }
      return readOnly;
    }
    if (readWrite == null) {
      readWrite = openForUsers(false);
    }
    return readWrite;
  }

  private SqliteConnection openForUsers(boolean ro) throws SqliteException {
    SqliteConnection conn = SqliteConnection.open(options.dbFile(), ro, userSettings);
    conn.enforce(new AccessPolicy(ro));
    return conn;
  }

  private void discardIfNot(boolean keep, boolean ro) {
    if (keep) {
      return;
    }
    if (ro && readOnly != null) {
      readOnly.close();
      readOnly = null;
    } else if (!ro && readWrite != null) {
      readWrite.close();
      readWrite = null;
    }
  }

  private static void rollbackIfOpen(SqliteConnection conn) {
    if (!conn.autocommit()) {
      try {
        conn.exec("ROLLBACK");
      } catch (SqliteException ignored) {
        // The connection is discarded anyway.
      }
    }
  }

  private void sqlError(
      OutputStream out,
      long id,
      SqliteException e,
      int index,
      int timeout,
      AccessPolicy.Denial denial)
      throws IOException {
    int primary = e.primaryCode();
    ErrorKind kind = ErrorKind.SQL;
    String message = e.getMessage();
    if (denial != null || primary == SQLITE_AUTH) {
      // SQLite reports some refusals as SQLITE_AUTH, others (functions) as a plain error.
      kind = ErrorKind.NOT_AUTHORIZED;
      message = "not authorized: " + (denial == null ? "the statement was refused" : denial.what());
    } else if (primary == SQLITE_INTERRUPT) {
      kind = ErrorKind.TIMEOUT;
      message = "Query exceeded the time limit of " + timeout + " ms and was interrupted";
    } else if (e.code() == SQLITE_READONLY) {
      kind = ErrorKind.READ_ONLY;
    } else if (primary == SQLITE_FULL) {
      kind = ErrorKind.STORAGE_FULL;
    } else if (primary == SQLITE_IOERR && e.systemErrno() == EFBIG) {
      kind = ErrorKind.STORAGE_FULL;
      message =
          "File size limit reached"
              + (options.fileSizeLimit() > 0
                  ? " (" + options.fileSizeLimit() + " bytes per file)"
                  : "")
              + ": "
              + message;
    }
    error(out, id, kind, e.code(), index, message);
  }

  private static void error(
      OutputStream out, long id, ErrorKind kind, int code, int index, String message)
      throws IOException {
    FrameCodec.writeResponse(out, new Response.Error(id, kind, code, index, message));
  }

  private void closeConnections() {
    if (readOnly != null) {
      readOnly.close();
      readOnly = null;
    }
    if (readWrite != null) {
      readWrite.close();
      readWrite = null;
    }
  }

  @Override
  public void close() {
    closeConnections();
  }

  static int indexOfNul(byte[] text) {
    for (int i = 0; i < text.length; i++) {
      if (text[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A value that cannot be returned as text. */
  static final class NotUtf8 extends Exception {
    private static final long serialVersionUID = 1L;

    NotUtf8(String message) {
      super(message, null, false, false);
    }
  }
}
