package org.aybdb.sandbox.daemon;

import static org.aybdb.sandbox.sqlite.Sqlite3.*;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.aybdb.sandbox.protocol.FrameCodec;
import org.aybdb.sandbox.protocol.Response;
import org.aybdb.sandbox.protocol.Truncation;
import org.aybdb.sandbox.sqlite.Sqlite3;
import org.aybdb.sandbox.sqlite.SqliteConnection;
import org.aybdb.sandbox.sqlite.SqliteException;

/**
 * Streams one statement's result as typed frames: each column's declared type, each cell with its
 * storage class. TEXT must be valid UTF-8 (as in the string format); BLOBs go as bytes. The byte
 * cap counts what the typed JSON costs: each cell's {@code {"type":...,"value":...}} wrapper, its
 * value (a BLOB as base64) and the row's brackets.
 */
final class TypedRows {

  /** A cell's wrapper: {@code {"type":"integer","value":},}. */
  static final int CELL = 28;

  private byte[] buffer = new byte[256];
  private int rows;
  private long bytes;

  /** Drops the cell buffer when it grew past {@code kept} bytes (see the executor's reason). */
  void releaseLargeBuffer(int kept) {
    if (buffer.length > kept) {
      buffer = new byte[256];
    }
  }

  /** Rows sent by the last {@link #stream}. */
  int rows() {
    return rows;
  }

  /** The JSON cost of the rows sent by the last {@link #stream}. */
  long bytes() {
    return bytes;
  }

  Truncation stream(
      SqliteConnection conn, Pointer stmt, long id, OutputStream out, int maxRows, long maxBytes)
      throws SqliteException, IOException, QueryExecutor.NotUtf8 {
    int columns = sqlite3_column_count(stmt);
    List<String> names = new ArrayList<>(columns);
    List<String> declared = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      String name = Sqlite3.string(sqlite3_column_name(stmt, c));
      names.add(name == null ? "" : name);
      declared.add(Sqlite3.string(sqlite3_column_decltype(stmt, c)));
    }
    FrameCodec.writeResponse(out, new Response.TypedColumns(id, names, declared));
    FrameCodec.TypedRowBatch batch = new FrameCodec.TypedRowBatch(columns);
    QueryExecutor.Pumped sent =
        QueryExecutor.pumpRows(
            conn,
            stmt,
            id,
            out,
            maxRows,
            maxBytes,
            batch,
            new QueryExecutor.RowSource() {
              @Override
              public long read(Pointer row, int cells, long budget) {
                long cost = rowCost(row, cells, budget);
                return cost > budget ? -1 : cost;
              }

              @Override
              public void append(Pointer row, int cells) throws QueryExecutor.NotUtf8 {
                addRow(row, cells, batch);
              }
            });
    rows = sent.rows();
    bytes = sent.bytes();
    return sent.truncation();
  }

  /**
   * What the current row costs as typed JSON, within a few bytes a cell. TEXT is measured escape by
   * escape ({@link JsonCost#string}): a control character takes six bytes as JSON, so any cheaper
   * guess would let a result several times the cap through. A text that cannot fit {@code budget}
   * even unescaped is not read at all.
   */
  private long rowCost(Pointer stmt, int columns, long budget) {
    long cost = JsonCost.ROW;
    for (int c = 0; c < columns; c++) {
      int type = sqlite3_column_type(stmt, c);
      cost += CELL;
      if (type == SQLITE_INTEGER || type == SQLITE_FLOAT) {
        cost += 24;
      } else if (type == SQLITE_TEXT) {
        long text = sqlite3_column_text(stmt, c); // before _bytes, as SQLite asks
        int n = sqlite3_column_bytes(stmt, c);
        if (cost + JsonCost.STRING_CELL + n > budget) {
          return cost + JsonCost.STRING_CELL + n;
        }
        cost += JsonCost.string(read(text, n), n);
      } else if (type == SQLITE_BLOB) {
        cost += 2 + (sqlite3_column_bytes(stmt, c) + 2L) / 3 * 4;
      }
    }
    return cost;
  }

  /** Copies {@code n} bytes at {@code address} into {@link #buffer} and returns it. */
  private byte[] read(long address, int n) {
    if (buffer.length < n) {
      buffer = new byte[Math.max(n, buffer.length * 2)];
    }
    Sqlite3.read(address, buffer, n);
    return buffer;
  }

  private void addRow(Pointer stmt, int columns, FrameCodec.TypedRowBatch batch)
      throws QueryExecutor.NotUtf8 {
    for (int c = 0; c < columns; c++) {
      int type = sqlite3_column_type(stmt, c);
      switch (type) {
        case SQLITE_NULL -> batch.addNull();
        case SQLITE_INTEGER -> batch.addInt(sqlite3_column_int64(stmt, c));
        case SQLITE_FLOAT -> batch.addReal(sqlite3_column_double(stmt, c));
        default -> {
          boolean blob = type == SQLITE_BLOB;
          long p = blob ? sqlite3_column_blob(stmt, c) : sqlite3_column_text(stmt, c);
          int n = sqlite3_column_bytes(stmt, c);
          read(p, n);
          if (!blob) {
            ValueFormat.Utf8Error bad = ValueFormat.checkUtf8(buffer, n);
            if (bad != null) {
              throw new QueryExecutor.NotUtf8("Other(" + bad.rustDebug() + ")");
            }
          }
          batch.addBytes(blob, buffer, n);
        }
      }
    }
  }
}
