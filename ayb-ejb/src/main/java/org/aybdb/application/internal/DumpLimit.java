package org.aybdb.application.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;

/**
 * The file an SQL dump is written to, refusing to grow past {@code [limits] max_dump_bytes}: a dump
 * can be many times its database (every row's {@code INSERT} names its table), so without a limit a
 * small database could fill the data volume.
 */
final class DumpLimit extends FilterOutputStream {

  private final long limit;
  private final String database;
  private long written;

  /**
   * @param limit the most bytes (0: no limit)
   * @param database the database dumped, for the message
   */
  DumpLimit(OutputStream out, long limit, String database) {
    super(Objects.requireNonNull(out, "out"));
    this.limit = limit;
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public void write(int b) throws IOException {
    count(1);
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    count(len);
    out.write(b, off, len);
  }

  private void count(int bytes) {
    written += bytes;
    if (limit > 0 && written > limit) {
      throw new AybException(
          ErrorType.Other,
          AybException.Kind.TOO_LARGE,
          "The SQL dump of "
              + database
              + " is larger than "
              + limit
              + " bytes, the most this server writes ([limits] max_dump_bytes); export the SQLite"
              + " file instead");
    }
  }
}
