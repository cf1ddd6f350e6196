package org.aybdb.sandbox.sqlite;

import static org.aybdb.sandbox.sqlite.Sqlite3.*;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One hardened SQLite connection. Not thread-safe (opened with {@code SQLITE_OPEN_NOMUTEX}; the
 * daemon serves one request at a time).
 *
 * <p>Hardening applied at open: extended result codes; {@code SQLITE_DBCONFIG_DEFENSIVE} on (so
 * {@code PRAGMA writable_schema} cannot corrupt the file); {@code SQLITE_DBCONFIG_TRUSTED_SCHEMA}
 * off; C-level extension loading off ({@code load_extension()} stays unauthorized); the given
 * {@code SQLITE_LIMIT_ATTACHED} (0 for user SQL: no ATTACH, and thus no VACUUM); {@code
 * SQLITE_LIMIT_LENGTH} and {@code SQLITE_LIMIT_SQL_LENGTH} caps; a busy timeout; a progress handler
 * that interrupts statements past the deadline set by {@link #setDeadline}. Read-write connections
 * also get {@code journal_mode=WAL}, {@code synchronous=FULL} and {@code foreign_keys=ON}, as in
 * ayb. Also: {@code SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER} off (the two-argument {@code
 * fts3_tokenizer()} cannot register a pointer), {@code SQLITE_DBCONFIG_WRITABLE_SCHEMA} off, and
 * {@code SQLITE_LIMIT_WORKER_THREADS} 0 (no helper threads whatever {@code PRAGMA threads} says).
 * Read-only connections get {@code temp_store=MEMORY}: temp tables, indices and sort spills of a
 * read-only caller stay in the daemon's memory (bounded by its RLIMIT_DATA; past it the query fails
 * with "out of memory") instead of writing up to RLIMIT_FSIZE per temp file into the database's
 * folder. No caller may set {@code temp_store}.
 *
 * <p>Connections that run untrusted SQL also get an {@link AccessPolicy} through {@link #enforce}:
 * SQLite's authorizer then asks it about every action of every statement prepared afterwards, and
 * the connection remembers the first refusal and whether an allowed action left state behind (see
 * {@link #beginRequest}).
 */
public final class SqliteConnection implements AutoCloseable {

  /** The progress handler runs every this many virtual machine instructions. */
  static final int PROGRESS_INSTRUCTIONS = 4000;

  /** Limits applied when a connection opens. */
  public record Settings(int maxValueLength, int maxSqlLength, int attachedLimit, int busyMillis) {}

  private final Pointer db;
  private final boolean readOnly;
  private final Memory out = new Memory(16);
  private volatile long deadlineNanos = Long.MAX_VALUE;
  private boolean closed;
  private int busyMillis; // the busy timeout last given to SQLite
  private boolean pageCountUnbounded; // max_page_count last set to its largest value

  // Held in a field: JNA callbacks must stay strongly reachable while registered. Anonymous
  // classes, not lambdas, as everything on a daemon's start-up path (a lambda's first link costs).
  private final ProgressHandler progress =
      new ProgressHandler() {
        @Override
        public int invoke(Pointer arg) {
          return System.nanoTime() - deadlineNanos > 0 ? 1 : 0;
        }
      };

  private AccessPolicy policy;
  private AccessPolicy.Denial denial;
  private boolean stateLeft;
  private boolean addsNesting;
  private boolean trusted;
  private final Authorizer authorizer =
      new Authorizer() {
        @Override
        public int invoke(long arg, int action, long a1, long a2, long a3, long a4) {
          return authorize(action, a1, a2, a3);
        }
      };

  private SqliteConnection(Pointer db, boolean readOnly) {
    this.db = db;
    this.readOnly = readOnly;
  }

  /** The SQLite library's version, e.g. {@code 3.40.1}. */
  public static String libraryVersion() {
    return sqlite3_libversion().getString(0, "UTF-8");
  }

  /** Opens {@code file} read-only or read-write (creating it), hardened as the class says. */
  public static SqliteConnection open(Path file, boolean readOnly, Settings settings)
      throws SqliteException {
    byte[] name = cString(file.toString());
    Memory ppDb = new Memory(Native.POINTER_SIZE);
    ppDb.setPointer(0, null);
    int flags =
        SQLITE_OPEN_NOMUTEX
            | (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(name, ppDb, flags, null);
    Pointer db = ppDb.getPointer(0);
    if (rc != SQLITE_OK) {
      String message = db == null ? errstr(rc) : sqlite3_errmsg(db).getString(0, "UTF-8");
      int errno = db == null ? 0 : sqlite3_system_errno(db);
      if (db != null) {
        sqlite3_close_v2(db);
      }
      throw new SqliteException(rc, message, errno);
    }
    SqliteConnection conn = new SqliteConnection(db, readOnly);
    try {
      conn.configure(settings);
    } catch (SqliteException | RuntimeException e) {
      conn.close();
      throw e;
    }
    return conn;
  }

  private void configure(Settings settings) throws SqliteException {
    sqlite3_extended_result_codes(db, 1);
    dbConfig(SQLITE_DBCONFIG_DEFENSIVE, 1);
    dbConfig(SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0);
    dbConfig(SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0);
    dbConfig(SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0);
    dbConfig(SQLITE_DBCONFIG_WRITABLE_SCHEMA, 0);
    sqlite3_limit(db, SQLITE_LIMIT_WORKER_THREADS, 0);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, settings.attachedLimit());
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, settings.maxValueLength());
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, settings.maxSqlLength());
    sqlite3_busy_timeout(db, settings.busyMillis());
    busyMillis = settings.busyMillis();
    sqlite3_progress_handler(db, PROGRESS_INSTRUCTIONS, progress, null);
    if (readOnly) {
      exec("PRAGMA temp_store=MEMORY");
    } else {
      exec("PRAGMA journal_mode=WAL");
      exec("PRAGMA synchronous=FULL");
      exec("PRAGMA foreign_keys=ON");
    }
  }

  private void dbConfig(int op, int value) throws SqliteException {
    out.setInt(0, -1);
    int rc = sqlite3_db_config(db, op, value, out);
    if (rc != SQLITE_OK || out.getInt(0) != value) {
      throw new SqliteException(
          rc == SQLITE_OK ? SQLITE_ERROR : rc,
          "sqlite3_db_config(" + op + ", " + value + ") did not take effect",
          0);
    }
  }

  /** Reads back a boolean {@code sqlite3_db_config} option (-1 asks without changing). */
  public int dbConfigValue(int op) {
    out.setInt(0, -1);
    sqlite3_db_config(db, op, -1, out);
    return out.getInt(0);
  }

  /**
   * From now on, every statement prepared on this connection is checked against {@code policy} (the
   * daemon's own set-up statements ran before this).
   */
  public void enforce(AccessPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    sqlite3_set_authorizer(db, authorizer, null);
  }

  /**
   * Whether {@code PRAGMA max_page_count} was last set to its largest value on this connection (the
   * caller's own SQL may not set it), as recorded by {@link #pageCountUnbounded(boolean)}.
   */
  public boolean pageCountUnbounded() {
    return pageCountUnbounded;
  }

  /** Records whether {@code max_page_count} now has its largest value (see above). */
  public void pageCountUnbounded(boolean unbounded) {
    pageCountUnbounded = unbounded;
  }

  /** Forgets the refusal and the state flag of the previous request. */
  public void beginRequest() {
    denial = null;
    stateLeft = false;
  }

  /** The first action refused since {@link #beginRequest}, or null. */
  public AccessPolicy.Denial denial() {
    return denial;
  }

  /**
   * Whether, since {@link #beginRequest}, an allowed action left state on this connection (a pragma
   * setting, a temp object) or a row changed (which {@code last_insert_rowid()} and {@code
   * total_changes()} would show the next caller). Such a connection must not serve anyone else.
   */
  public boolean leftState() {
    return stateLeft || sqlite3_total_changes(db) != 0;
  }

  private int authorize(int action, long a1, long a2, long a3) {
    try {
      if (trusted || !AccessPolicy.needsArguments(action)) {
        return SQLITE_OK;
      }
      String s1 = string(a1);
      String s2 = string(a2);
      String s3 = string(a3);
      AccessPolicy.Denial refused = policy.decide(action, s1, s2, s3);
      if (refused != null) {
        if (denial == null) {
          denial = refused;
        }
        return SQLITE_DENY;
      }
      if (AccessPolicy.leavesState(action, s1, s2, s3)) {
        stateLeft = true;
      }
      if (AccessPolicy.addsNesting(action)) {
        addsNesting = true;
      }
      return SQLITE_OK;
    } catch (RuntimeException | Error e) {
      // A callback must never throw into SQLite; refusing is the safe answer.
      if (denial == null) {
        denial = new AccessPolicy.Denial("the statement (the access check failed: " + e + ")");
      }
      return SQLITE_DENY;
    }
  }

  /** Whether the connection was opened read-only. */
  public boolean readOnly() {
    return readOnly;
  }

  /** Statements started after this point are interrupted once {@code nanoTime} passes it. */
  public void setDeadline(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /** Whether the deadline has passed. */
  public boolean pastDeadline() {
    return System.nanoTime() - deadlineNanos > 0;
  }

  /** Sets the busy timeout (how long to wait for another connection's lock). */
  public void busyTimeout(int millis) {
    // Set per request, nearly always to the same value: skip the native call then. Nothing else
    // changes it (user SQL may read PRAGMA busy_timeout, not set it).
    if (millis != busyMillis) {
      sqlite3_busy_timeout(db, millis);
      busyMillis = millis;
    }
  }

  /**
   * Prepares the first statement at {@code sql}. Returns the statement (null when only whitespace
   * or comments remain) and leaves the tail pointer readable through {@link #tailAddress()}.
   */
  public Pointer prepare(Pointer sql, int bytes) throws SqliteException {
    addsNesting = false;
    // No clearing of the two out-pointers first: SQLite sets the statement (NULL included) and the
    // tail whenever it returns SQLITE_OK, and neither is read otherwise.
    int rc = sqlite3_prepare_v2(db, sql, bytes, out, out.share(Native.POINTER_SIZE));
    if (rc != SQLITE_OK) {
      throw error(rc);
    }
    long stmt = out.getLong(0); // an address: Memory.getPointer would make the Pointer through JNI
    return stmt == 0 ? null : new Pointer(stmt);
  }

  /** Whether the statement last prepared creates a view or trigger in the database itself. */
  public boolean preparedAddsNesting() {
    return addsNesting;
  }

  /** Runs a query that answers one integer (the first column of its first row; 0 for none). */
  public long queryLong(String sql) throws SqliteException {
    byte[] text = cString(sql);
    Memory mem = new Memory(text.length);
    mem.write(0, text, 0, text.length);
    Memory handle = new Memory(Native.POINTER_SIZE * 2L);
    int rc = sqlite3_prepare_v2(db, mem, text.length, handle, handle.share(Native.POINTER_SIZE));
    if (rc != SQLITE_OK) {
      throw error(rc);
    }
    Pointer stmt = handle.getPointer(0);
    try {
      rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        return sqlite3_column_int64(stmt, 0);
      }
      if (rc != SQLITE_DONE) {
        throw error(rc);
      }
      return 0;
    } finally {
      sqlite3_finalize(stmt);
    }
  }

  /**
   * The address of the tail left by the last {@link #prepare}: where the next statement starts (an
   * address, not a Pointer: JNA would make the object through JNI, per statement).
   */
  public long tailAddress() {
    return out.getLong(Native.POINTER_SIZE);
  }

  /** Runs one statement that returns nothing of interest. */
  public void exec(String sql) throws SqliteException {
    byte[] text = cString(sql);
    Memory mem = new Memory(text.length);
    mem.write(0, text, 0, text.length);
    Pointer stmt = prepare(mem, text.length);
    if (stmt == null) {
      return;
    }
    try {
      int rc;
      do {
        rc = sqlite3_step(stmt);
      } while (rc == SQLITE_ROW);
      if (rc != SQLITE_DONE) {
        throw error(rc);
      }
    } finally {
      sqlite3_finalize(stmt);
    }
  }

  /**
   * Runs one of the daemon's own statements (never the caller's) past the access policy, e.g. the
   * per-request storage budget; it neither counts as a refusal nor as state left by the caller.
   */
  public void execTrusted(String sql) throws SqliteException {
    trusted = true;
    try {
      exec(sql);
    } finally {
      trusted = false;
    }
  }

  /** {@link #queryLong} for one of the daemon's own statements, past the access policy. */
  public long queryLongTrusted(String sql) throws SqliteException {
    trusted = true;
    try {
      return queryLong(sql);
    } finally {
      trusted = false;
    }
  }

  /** Rows inserted, updated or deleted since the connection opened (triggers included). */
  public long totalChanges() {
    return sqlite3_total_changes(db);
  }

  /** The rowid of the last successful INSERT on this connection. */
  public long lastInsertRowid() {
    return sqlite3_last_insert_rowid(db);
  }

  /** Whether the connection is outside any transaction. */
  public boolean autocommit() {
    return sqlite3_get_autocommit(db) != 0;
  }

  /** The exception for a failed call, with SQLite's current message. */
  public SqliteException error(int rc) {
    int code = sqlite3_extended_errcode(db);
    if ((code & 0xff) != (rc & 0xff)) {
      code = rc;
    }
    return new SqliteException(code, sqlite3_errmsg(db).getString(0, "UTF-8"), errno());
  }

  /** The errno of SQLite's last failed system call. */
  public int errno() {
    return sqlite3_system_errno(db);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      sqlite3_close_v2(db);
    }
  }

  static String errstr(int rc) {
    return sqlite3_errstr(rc).getString(0, "UTF-8");
  }

  static byte[] cString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] c = new byte[b.length + 1];
    System.arraycopy(b, 0, c, 0, b.length);
    return c;
  }
}
