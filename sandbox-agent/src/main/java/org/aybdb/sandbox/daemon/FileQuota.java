package org.aybdb.sandbox.daemon;

import org.aybdb.sandbox.sqlite.SqliteConnection;
import org.aybdb.sandbox.sqlite.SqliteException;

/**
 * The owner's storage quota on the read-write connection: {@code PRAGMA max_page_count} set before
 * the caller's SQL, so a write that would grow the file past it fails with {@code SQLITE_FULL} and
 * its statement is rolled back (earlier commits stay). SQLite never lowers the bound below the
 * file's current size, so a file already at or past it can still shrink but not grow. The caller's
 * own SQL may read that pragma but not set it (the access policy refuses it).
 */
final class FileQuota {

  /** The largest page count SQLite accepts; it clamps anything above to its own maximum. */
  private static final long UNLIMITED_PAGES = 4_294_967_294L;

  private FileQuota() {}

  /**
   * Bounds the file at {@code maxFileBytes} (0: lifts an earlier bound). Lifting a bound that this
   * connection already lifted is skipped: the pragma is a statement of its own, with a read
   * transaction (three system calls) on every read-write request, an owner's SELECT among them;
   * nothing but this class can lower the bound again. A bound is set every time: SQLite clamps it
   * to the file's size at that moment, so the same number may mean another bound later.
   */
  static void apply(SqliteConnection conn, long maxFileBytes) throws SqliteException {
    if (maxFileBytes <= 0 && conn.pageCountUnbounded()) {
      return;
    }
    long pages = UNLIMITED_PAGES;
    if (maxFileBytes > 0) {
      pages = Math.max(1, maxFileBytes / pageSize(conn));
    }
    conn.pageCountUnbounded(false);
    conn.execTrusted("PRAGMA max_page_count = " + pages);
    conn.pageCountUnbounded(maxFileBytes <= 0);
  }

  private static long pageSize(SqliteConnection conn) throws SqliteException {
    return Math.max(512, conn.queryLongTrusted("PRAGMA page_size"));
  }
}
