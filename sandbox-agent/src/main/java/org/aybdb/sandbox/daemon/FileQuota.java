package org.aybdb.sandbox.daemon;

import static org.aybdb.sandbox.sqlite.Sqlite3.SQLITE_ROW;
import static org.aybdb.sandbox.sqlite.Sqlite3.sqlite3_column_int64;
import static org.aybdb.sandbox.sqlite.Sqlite3.sqlite3_finalize;
import static org.aybdb.sandbox.sqlite.Sqlite3.sqlite3_step;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import org.aybdb.sandbox.sqlite.SqliteConnection;
import org.aybdb.sandbox.sqlite.SqliteException;

/**
 * The owner's storage quota on the read-write connection: {@code PRAGMA max_page_count} set before
 * the caller's SQL, so a write that would grow the file past it fails with {@code SQLITE_FULL} and
 * its statement is rolled back (earlier commits stay). SQLite never lowers the bound below the
 * file's current size, so a file already at or past it can still shrink but not grow.
 */
final class FileQuota {

  /** The largest page count SQLite accepts; it clamps anything above to its own maximum. */
  private static final long UNLIMITED_PAGES = 4_294_967_294L;

  private static final byte[] RESERVED = "max_page_count".getBytes(StandardCharsets.US_ASCII);

  private FileQuota() {}

  /** Bounds the file at {@code maxFileBytes} (0: lifts an earlier bound). */
  static void apply(SqliteConnection conn, long maxFileBytes) throws SqliteException {
    long pages = UNLIMITED_PAGES;
    if (maxFileBytes > 0) {
      pages = Math.max(1, maxFileBytes / pageSize(conn));
    }
    conn.exec("PRAGMA max_page_count = " + pages);
  }

  /** Whether {@code sql} mentions the pragma this class owns (it would lift the quota). */
  static boolean touchesQuota(byte[] sql) {
    return QueryExecutor.containsAny(sql, new byte[][] {RESERVED});
  }

  private static long pageSize(SqliteConnection conn) throws SqliteException {
    byte[] sql = "PRAGMA page_size\0".getBytes(StandardCharsets.US_ASCII);
    Memory text = new Memory(sql.length);
    text.write(0, sql, 0, sql.length);
    Pointer stmt = conn.prepare(text, sql.length - 1);
    try {
      int rc = sqlite3_step(stmt);
      if (rc != SQLITE_ROW) {
        throw conn.error(rc);
      }
      return Math.max(512, sqlite3_column_int64(stmt, 0));
    } finally {
      sqlite3_finalize(stmt);
    }
  }
}
