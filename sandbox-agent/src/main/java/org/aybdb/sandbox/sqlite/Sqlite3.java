package org.aybdb.sandbox.sqlite;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A thin JNA direct-mapped binding over the system's {@code libsqlite3} — just what the daemon
 * needs. sqlite-jdbc is not used: it exposes neither {@code sqlite3_db_config} (so no defensive
 * mode) nor {@code sqlite3_progress_handler}, and its native library hides the {@code sqlite3_*}
 * symbols.
 *
 * <p>The library is the one named by the system property {@value #LIBRARY_PROPERTY}, else the first
 * of {@link #DEFAULT_LIBRARY_PATHS} that exists.
 */
public final class Sqlite3 {

  /** System property naming the libsqlite3 shared object to load. */
  public static final String LIBRARY_PROPERTY = "ayb.sqlite.library";

  /** Where Debian/Ubuntu/Fedora/Alpine put libsqlite3. */
  public static final List<String> DEFAULT_LIBRARY_PATHS =
      List.of(
          "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0",
          "/usr/lib/aarch64-linux-gnu/libsqlite3.so.0",
          "/lib/x86_64-linux-gnu/libsqlite3.so.0",
          "/lib/aarch64-linux-gnu/libsqlite3.so.0",
          "/usr/lib64/libsqlite3.so.0",
          "/usr/lib/libsqlite3.so.0");

  public static final int SQLITE_OK = 0;
  public static final int SQLITE_DENY = 1;
  public static final int SQLITE_ERROR = 1;
  public static final int SQLITE_READONLY = 8;
  public static final int SQLITE_INTERRUPT = 9;
  public static final int SQLITE_IOERR = 10;
  public static final int SQLITE_FULL = 13;
  public static final int SQLITE_TOOBIG = 18;
  public static final int SQLITE_AUTH = 23;
  public static final int SQLITE_ROW = 100;
  public static final int SQLITE_DONE = 101;

  public static final int SQLITE_OPEN_READONLY = 0x00000001;
  public static final int SQLITE_OPEN_READWRITE = 0x00000002;
  public static final int SQLITE_OPEN_CREATE = 0x00000004;
  public static final int SQLITE_OPEN_NOMUTEX = 0x00008000;

  public static final int SQLITE_INTEGER = 1;
  public static final int SQLITE_FLOAT = 2;
  public static final int SQLITE_TEXT = 3;
  public static final int SQLITE_BLOB = 4;
  public static final int SQLITE_NULL = 5;

  public static final int SQLITE_LIMIT_LENGTH = 0;
  public static final int SQLITE_LIMIT_SQL_LENGTH = 1;
  public static final int SQLITE_LIMIT_ATTACHED = 7;
  public static final int SQLITE_LIMIT_WORKER_THREADS = 11;

  public static final int SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER = 1004;
  public static final int SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION = 1005;
  public static final int SQLITE_DBCONFIG_DEFENSIVE = 1010;
  public static final int SQLITE_DBCONFIG_WRITABLE_SCHEMA = 1011;
  public static final int SQLITE_DBCONFIG_TRUSTED_SCHEMA = 1017;

  /** {@code SQLITE_TRANSIENT}: SQLite copies bound values. */
  public static final Pointer SQLITE_TRANSIENT = new Pointer(-1);

  private static final String LIBRARY;

  static {
    LIBRARY = locateLibrary();
    Native.register(Sqlite3.class, NativeLibrary.getInstance(LIBRARY));
  }

  private Sqlite3() {}

  /** The path of the shared library this binding loads. */
  public static String libraryPath() {
    return LIBRARY;
  }

  /** Finds libsqlite3 as this class would, without loading it. */
  public static String locateLibrary() {
    String configured = System.getProperty(LIBRARY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    for (String candidate : DEFAULT_LIBRARY_PATHS) {
      if (Files.isRegularFile(Path.of(candidate))) {
        return candidate;
      }
    }
    return "sqlite3";
  }

  /**
   * The NUL-terminated UTF-8 string at {@code address}, or null for address 0. The natives that
   * hand the daemon C strings and cell bytes on every query return addresses, not {@link Pointer}s:
   * JNA makes each returned Pointer through JNI, which costs more than the call itself.
   */
  public static String string(long address) {
    return address == 0 ? null : new Pointer(address).getString(0, "UTF-8");
  }

  /**
   * Copies {@code length} bytes at {@code address} into {@code target} from index 0.
   *
   * @throws IllegalStateException for address 0 with bytes to read (SQLite out of memory), which
   *     would otherwise read address 0 and crash the process
   */
  public static void read(long address, byte[] target, int length) {
    if (length <= 0) {
      return;
    }
    if (address == 0) {
      throw new IllegalStateException(
          "SQLite returned no value for a cell of " + length + " bytes");
    }
    new Pointer(address).read(0, target, 0, length);
  }

  /** The progress handler: a non-zero return interrupts the running statement. */
  public interface ProgressHandler extends Callback {
    int invoke(Pointer arg);
  }

  /**
   * The authorizer: called while a statement is prepared, once per action ({@code SQLITE_READ},
   * {@code SQLITE_FUNCTION}, {@code SQLITE_PRAGMA}, ...), with up to four C strings (may be null).
   * Returns {@code SQLITE_OK} (0), {@code SQLITE_DENY} (1) or {@code SQLITE_IGNORE} (2).
   *
   * <p>The pointers arrive as addresses (0 for NULL; a C pointer is a 64-bit integer on the
   * platforms the daemon runs on): JNA makes a Java object for every Pointer argument of every
   * call, through JNI, and most actions ({@code SQLITE_READ}, {@code SQLITE_SELECT}, ...) are
   * decided without looking at their strings.
   */
  public interface Authorizer extends Callback {
    int invoke(long arg, int action, long a1, long a2, long a3, long a4);
  }

  public static native Pointer sqlite3_libversion();

  public static native int sqlite3_set_authorizer(Pointer db, Authorizer authorizer, Pointer arg);

  public static native int sqlite3_total_changes(Pointer db);

  public static native int sqlite3_open_v2(byte[] filename, Pointer ppDb, int flags, Pointer vfs);

  public static native int sqlite3_close_v2(Pointer db);

  public static native int sqlite3_extended_result_codes(Pointer db, int onoff);

  /** {@code SQLITE_CONFIG_SINGLETHREAD}: no mutexes at all (one thread uses the library). */
  public static final int SQLITE_CONFIG_SINGLETHREAD = 1;

  /**
   * {@code sqlite3_config(op)} for the options without arguments; only before the library is first
   * used (else {@code SQLITE_MISUSE}).
   */
  public static native int sqlite3_config(int op);

  /** {@code sqlite3_db_config(db, op, int, int*)}: the form every boolean option uses. */
  public static native int sqlite3_db_config(Pointer db, int op, int value, Pointer result);

  public static native int sqlite3_limit(Pointer db, int id, int newValue);

  public static native int sqlite3_busy_timeout(Pointer db, int millis);

  public static native void sqlite3_progress_handler(
      Pointer db, int instructions, ProgressHandler handler, Pointer arg);

  public static native int sqlite3_prepare_v2(
      Pointer db, Pointer sql, int bytes, Pointer ppStmt, Pointer pzTail);

  public static native int sqlite3_step(Pointer stmt);

  public static native int sqlite3_reset(Pointer stmt);

  public static native int sqlite3_finalize(Pointer stmt);

  public static native int sqlite3_stmt_readonly(Pointer stmt);

  public static native int sqlite3_column_count(Pointer stmt);

  public static native long sqlite3_column_name(Pointer stmt, int column);

  public static native int sqlite3_column_type(Pointer stmt, int column);

  public static native long sqlite3_column_int64(Pointer stmt, int column);

  public static native double sqlite3_column_double(Pointer stmt, int column);

  public static native long sqlite3_column_text(Pointer stmt, int column);

  public static native long sqlite3_column_blob(Pointer stmt, int column);

  public static native int sqlite3_column_bytes(Pointer stmt, int column);

  public static native int sqlite3_bind_text(
      Pointer stmt, int index, byte[] text, int bytes, Pointer destructor);

  public static native int sqlite3_bind_blob(
      Pointer stmt, int index, byte[] blob, int bytes, Pointer destructor);

  public static native int sqlite3_bind_int64(Pointer stmt, int index, long value);

  public static native int sqlite3_bind_double(Pointer stmt, int index, double value);

  public static native int sqlite3_bind_null(Pointer stmt, int index);

  public static native int sqlite3_bind_parameter_count(Pointer stmt);

  public static native long sqlite3_bind_parameter_name(Pointer stmt, int index);

  public static native long sqlite3_column_decltype(Pointer stmt, int column);

  public static native long sqlite3_last_insert_rowid(Pointer db);

  public static native Pointer sqlite3_errmsg(Pointer db);

  public static native Pointer sqlite3_errstr(int code);

  public static native int sqlite3_extended_errcode(Pointer db);

  public static native int sqlite3_system_errno(Pointer db);

  public static native int sqlite3_get_autocommit(Pointer db);
}
