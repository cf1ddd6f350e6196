package org.aybdb.sandbox.protocol;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Encodes and decodes the daemon protocol's frames. See the module README for the byte layout:
 * every frame is a big-endian {@code u32} length followed by that many bytes, which start with a
 * {@code u8} type and the {@code u64} request id. Strings are a {@code u32} byte length and UTF-8.
 *
 * <p>Instances are not thread-safe; use one per stream direction.
 */
public final class FrameCodec {

  /** Protocol version, sent in {@link Response.Hello}. */
  public static final int PROTOCOL_VERSION = 1;

  /** Default largest frame accepted by a reader: 64 MiB. */
  public static final int DEFAULT_MAX_FRAME = 64 << 20;

  static final int QUERY = 0x01;
  static final int PING = 0x02;
  static final int VACUUM_INTO = 0x03;
  static final int SHUTDOWN = 0x04;
  static final int BATCH = 0x10;

  static final int HELLO = 0x40;
  static final int COLUMNS = 0x41;
  static final int ROWS = 0x42;
  static final int END = 0x43;
  static final int PONG = 0x44;
  static final int OK = 0x45;
  static final int ERROR = 0x4F;
  static final int TYPED_COLUMNS = 0x50;
  static final int TYPED_ROWS = 0x51;
  static final int STATEMENT_END = 0x52;

  /** Flags of a BATCH request. */
  private static final int TYPED_FLAG = 1;

  private static final int ATOMIC_FLAG = 2;

  /**
   * The largest request frame a daemon whose SQL limit is {@code maxSqlBytes} reads: room for a
   * batch's parameters and framing next to its SQL. The server refuses larger batches itself.
   */
  public static int maxRequestFrame(int maxSqlBytes) {
    return (int) Math.min(Integer.MAX_VALUE - 8, 2L * maxSqlBytes + 4096);
  }

  /** The bytes {@code request} takes as a frame. */
  public static int encodedSize(Request request) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      writeRequest(out, request);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.size();
  }

  private FrameCodec() {}

  // ---------------------------------------------------------------- writing

  /** Writes one request frame and flushes. */
  public static void writeRequest(OutputStream out, Request request) throws IOException {
    FrameBuffer buf = new FrameBuffer(64);
    if (request instanceof Request.Query q) {
      byte[] sql = q.sql().getBytes(StandardCharsets.UTF_8);
      buf = new FrameBuffer(48 + sql.length);
      buf.begin(QUERY, q.id());
      buf.putLong(q.sessionId());
      buf.put(q.mode().code());
      buf.putInt(q.timeoutMillis());
      buf.putInt(q.maxRows());
      buf.putInt(q.maxBytes());
      buf.putInt(sql.length);
      buf.putBytes(sql);
      buf.putLong(q.maxFileBytes());
    } else if (request instanceof Request.Batch b) {
      buf = new FrameBuffer(256);
      buf.begin(BATCH, b.id());
      buf.put(b.mode().code());
      buf.putInt(b.timeoutMillis());
      buf.putInt(b.maxRows());
      buf.putInt(b.maxBytes());
      buf.putLong(b.maxFileBytes());
      buf.put((b.typed() ? TYPED_FLAG : 0) | (b.atomic() ? ATOMIC_FLAG : 0));
      buf.putInt(b.statements().size());
      for (Statement st : b.statements()) {
        buf.putString(st.sql());
        buf.put(st.byName() ? 1 : 0);
        buf.putInt(st.parameterCount());
        if (st.byName()) {
          for (var e : st.named().entrySet()) {
            buf.putString(e.getKey());
            putValue(buf, e.getValue());
          }
        } else {
          for (Value v : st.positional()) {
            putValue(buf, v);
          }
        }
      }
    } else if (request instanceof Request.Ping p) {
      buf.begin(PING, p.id());
    } else if (request instanceof Request.VacuumInto v) {
      buf.begin(VACUUM_INTO, v.id());
      buf.putInt(v.timeoutMillis());
      buf.putString(v.target());
    } else if (request instanceof Request.Shutdown s) {
      buf.begin(SHUTDOWN, s.id());
    } else {
      throw new IllegalArgumentException("unknown request " + request);
    }
    buf.writeTo(out);
    out.flush();
  }

  /**
   * Writes one response frame (does not flush: a query's answer is several frames; the caller
   * flushes after the last).
   */
  public static void writeResponse(OutputStream out, Response response) throws IOException {
    FrameBuffer buf = new FrameBuffer(128);
    if (response instanceof Response.Hello h) {
      buf.begin(HELLO, 0);
      buf.putShort(h.protocolVersion());
      buf.putString(h.engineVersion());
      buf.putString(h.sandboxStatus());
    } else if (response instanceof Response.Columns c) {
      buf.begin(COLUMNS, c.id());
      buf.putShort(c.names().size());
      for (String name : c.names()) {
        buf.putString(name);
      }
    } else if (response instanceof Response.Rows r) {
      int columns = r.rows().isEmpty() ? 0 : r.rows().get(0).size();
      RowBatch batch = new RowBatch(columns);
      for (List<String> row : r.rows()) {
        if (row.size() != columns) {
          throw new IllegalArgumentException("rows of different widths");
        }
        for (String cell : row) {
          batch.addCell(cell == null ? null : cell.getBytes(StandardCharsets.UTF_8));
        }
        batch.endRow();
      }
      batch.writeTo(out, r.id());
      return;
    } else if (response instanceof Response.End e) {
      buf.begin(END, e.id());
      buf.putInt(e.statements());
      buf.put(e.truncation().code());
    } else if (response instanceof Response.TypedColumns c) {
      buf.begin(TYPED_COLUMNS, c.id());
      buf.putShort(c.names().size());
      for (int i = 0; i < c.names().size(); i++) {
        buf.putString(c.names().get(i));
        String declared = c.declaredTypes().get(i);
        buf.put(declared == null ? 0 : 1);
        if (declared != null) {
          buf.putString(declared);
        }
      }
    } else if (response instanceof Response.TypedRows r) {
      int columns = r.rows().isEmpty() ? 0 : r.rows().get(0).size();
      TypedRowBatch batch = new TypedRowBatch(columns);
      for (List<Value> row : r.rows()) {
        if (row.size() != columns) {
          throw new IllegalArgumentException("rows of different widths");
        }
        for (Value v : row) {
          batch.add(v);
        }
        batch.endRow();
      }
      batch.writeTo(out, r.id());
      return;
    } else if (response instanceof Response.StatementEnd e) {
      buf.begin(STATEMENT_END, e.id());
      buf.putInt(e.index());
      buf.put(e.truncation().code());
      buf.putLong(e.changes());
      buf.putLong(e.lastInsertRowid());
      buf.putLong(e.durationNanos());
    } else if (response instanceof Response.Pong p) {
      buf.begin(PONG, p.id());
    } else if (response instanceof Response.Ok o) {
      buf.begin(OK, o.id());
    } else if (response instanceof Response.Error e) {
      buf.begin(ERROR, e.id());
      buf.put(e.kind().code());
      buf.putInt(e.sqliteCode());
      buf.putInt(e.statementIndex());
      buf.putString(e.message());
    } else {
      throw new IllegalArgumentException("unknown response " + response);
    }
    buf.writeTo(out);
  }

  /**
   * Rows of one frame built cell by cell: the count of cells per row is checked, the row count
   * patched in when the frame is written. Subclasses write the cells.
   */
  public abstract static class CellBatch {
    private final int columns;
    // Small to start with: most answers are a few rows, and each query makes a batch (zeroing 8
    // KiB for a point query cost more than the rest of its frame). It doubles as rows come.
    final FrameBuffer buf = new FrameBuffer(512);
    private int rows;
    private int cellsInRow;

    CellBatch(int type, int columns) {
      this.columns = columns;
      buf.begin(type, 0);
      buf.putShort(columns);
      buf.putInt(0); // row count, patched in writeTo
    }

    /** Counts the next cell of the current row (before it is written). */
    final void startCell() {
      if (cellsInRow == columns) {
        throw new IllegalStateException("row already has " + columns + " cells");
      }
      cellsInRow++;
    }

    /** Closes the current row. */
    public void endRow() {
      if (cellsInRow != columns) {
        throw new IllegalStateException("row has " + cellsInRow + " of " + columns + " cells");
      }
      cellsInRow = 0;
      rows++;
    }

    /** The number of complete rows. */
    public int rowCount() {
      return rows;
    }

    /** The bytes the frame takes so far. */
    public int size() {
      return buf.size();
    }

    /** Writes the batch as one frame (without flushing) and empties it for reuse. */
    public void writeTo(OutputStream out, long id) throws IOException {
      if (cellsInRow != 0) {
        throw new IllegalStateException("unfinished row");
      }
      buf.patchLong(5, id);
      buf.patchInt(15, rows);
      buf.writeTo(out);
      buf.truncate(19);
      rows = 0;
    }
  }

  /**
   * A batch of rows built cell by cell from raw UTF-8 bytes, so the daemon never builds Java
   * strings for the values it sends. Written as one {@link Response.Rows} frame.
   */
  public static final class RowBatch extends CellBatch {

    public RowBatch(int columns) {
      super(ROWS, columns);
    }

    /** Appends the next cell of the current row: UTF-8 text, or null. */
    public void addCell(byte[] utf8) {
      addCell(utf8, 0, utf8 == null ? 0 : utf8.length);
    }

    /** Appends the next cell of the current row from part of an array. */
    public void addCell(byte[] utf8, int offset, int length) {
      startCell();
      if (utf8 == null) {
        buf.put(0);
      } else {
        buf.put(1);
        buf.putInt(length);
        buf.putBytes(utf8, offset, length);
      }
    }
  }

  private static void putValue(FrameBuffer buf, Value v) {
    buf.put(v.tag());
    if (v instanceof Value.Int i) {
      buf.putLong(i.value());
    } else if (v instanceof Value.Real r) {
      buf.putLong(Double.doubleToRawLongBits(r.value()));
    } else if (v instanceof Value.Text t) {
      buf.putString(t.value());
    } else if (v instanceof Value.Blob b) {
      buf.putInt(b.value().length);
      buf.putBytes(b.value());
    }
  }

  /**
   * A batch of typed rows built cell by cell, for the daemon (text and blobs from raw bytes).
   * Written as one {@link Response.TypedRows} frame.
   */
  public static final class TypedRowBatch extends CellBatch {

    public TypedRowBatch(int columns) {
      super(TYPED_ROWS, columns);
    }

    private void cell(int tag) {
      startCell();
      buf.put(tag);
    }

    public void addNull() {
      cell(Value.NULL_TAG);
    }

    public void addInt(long v) {
      cell(Value.INTEGER_TAG);
      buf.putLong(v);
    }

    public void addReal(double v) {
      cell(Value.REAL_TAG);
      buf.putLong(Double.doubleToRawLongBits(v));
    }

    /** TEXT ({@code blob} false, UTF-8 bytes) or BLOB from {@code bytes[0..length)}. */
    public void addBytes(boolean blob, byte[] bytes, int length) {
      cell(blob ? Value.BLOB_TAG : Value.TEXT_TAG);
      buf.putInt(length);
      buf.putBytes(bytes, 0, length);
    }

    void add(Value v) {
      if (v instanceof Value.Null) {
        addNull();
      } else if (v instanceof Value.Int i) {
        addInt(i.value());
      } else if (v instanceof Value.Real r) {
        addReal(r.value());
      } else if (v instanceof Value.Text t) {
        byte[] b = t.value().getBytes(StandardCharsets.UTF_8);
        addBytes(false, b, b.length);
      } else if (v instanceof Value.Blob b) {
        addBytes(true, b.value(), b.value().length);
      }
    }
  }

  // ---------------------------------------------------------------- reading

  /** A reader of frames from one stream. */
  public static final class Reader {
    private final DataInputStream in;
    private final int maxFrame;
    private byte[] frame = new byte[256];
    private int pos;
    private int limit;

    public Reader(InputStream in, int maxFrame) {
      this.in = new DataInputStream(in);
      this.maxFrame = maxFrame;
    }

    /** Reads the next request, or returns null at a clean end of stream between frames. */
    public Request readRequest() throws IOException {
      if (!nextFrame()) {
        return null;
      }
      int type = u8();
      long id = i64();
      Request request;
      switch (type) {
        case QUERY -> {
          long session = i64();
          QueryMode mode = QueryMode.fromCode(u8());
          int timeout = i32();
          int maxRows = i32();
          int maxBytes = i32();
          String sql = string();
          long maxFileBytes = i64();
          request =
              new Request.Query(id, session, mode, timeout, maxRows, maxBytes, sql, maxFileBytes);
        }
        case BATCH -> request = batch(id);
        case PING -> request = new Request.Ping(id);
        case VACUUM_INTO -> {
          int timeout = i32();
          request = new Request.VacuumInto(id, timeout, string());
        }
        case SHUTDOWN -> request = new Request.Shutdown(id);
        default -> throw new ProtocolException("Unknown request type " + type);
      }
      endFrame();
      return request;
    }

    /** Reads the next response, or returns null at a clean end of stream between frames. */
    public Response readResponse() throws IOException {
      if (!nextFrame()) {
        return null;
      }
      int type = u8();
      long id = i64();
      Response response;
      switch (type) {
        case HELLO -> {
          int version = u16();
          String engine = string();
          response = new Response.Hello(version, engine, string());
        }
        case COLUMNS -> {
          int n = u16();
          List<String> names = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            names.add(string());
          }
          response = new Response.Columns(id, names);
        }
        case ROWS -> {
          int columns = u16();
          int n = i32();
          if (n < 0 || (long) n * columns > limit - pos) {
            throw new ProtocolException("Bad row count " + n);
          }
          List<List<String>> rows = new ArrayList<>(n);
          for (int r = 0; r < n; r++) {
            String[] cells = new String[columns];
            for (int c = 0; c < columns; c++) {
              int tag = u8();
              if (tag == 1) {
                cells[c] = string();
              } else if (tag != 0) {
                throw new ProtocolException("Bad cell tag " + tag);
              }
            }
            rows.add(Collections.unmodifiableList(Arrays.asList(cells)));
          }
          response = new Response.Rows(id, rows);
        }
        case END -> {
          int statements = i32();
          response = new Response.End(id, statements, Truncation.fromCode(u8()));
        }
        case TYPED_COLUMNS -> {
          int n = u16();
          List<String> names = new ArrayList<>(n);
          List<String> declared = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            names.add(string());
            declared.add(u8() == 1 ? string() : null);
          }
          response = new Response.TypedColumns(id, names, declared);
        }
        case TYPED_ROWS -> {
          int columns = u16();
          int n = i32();
          if (n < 0 || (long) n * columns > limit - pos) {
            throw new ProtocolException("Bad row count " + n);
          }
          List<List<Value>> rows = new ArrayList<>(n);
          for (int r = 0; r < n; r++) {
            Value[] cells = new Value[columns];
            for (int c = 0; c < columns; c++) {
              cells[c] = value();
            }
            rows.add(List.of(cells));
          }
          response = new Response.TypedRows(id, rows);
        }
        case STATEMENT_END -> {
          int index = i32();
          Truncation truncation = Truncation.fromCode(u8());
          response = new Response.StatementEnd(id, index, truncation, i64(), i64(), i64());
        }
        case PONG -> response = new Response.Pong(id);
        case OK -> response = new Response.Ok(id);
        case ERROR -> {
          ErrorKind kind = ErrorKind.fromCode(u8());
          int code = i32();
          int index = i32();
          response = new Response.Error(id, kind, code, index, string());
        }
        default -> throw new ProtocolException("Unknown response type " + type);
      }
      endFrame();
      return response;
    }

    private Request.Batch batch(long id) {
      QueryMode mode = QueryMode.fromCode(u8());
      int timeout = i32();
      int maxRows = i32();
      int maxBytes = i32();
      long maxFileBytes = i64();
      int flags = u8();
      int count = i32();
      if (count < 0 || count > limit - pos) {
        throw new ProtocolException("Bad statement count " + count);
      }
      List<Statement> statements = new ArrayList<>(count);
      for (int s = 0; s < count; s++) {
        String sql = string();
        boolean named = u8() == 1;
        int n = i32();
        if (n < 0 || n > limit - pos) {
          throw new ProtocolException("Bad parameter count " + n);
        }
        List<Value> positional = new ArrayList<>();
        java.util.Map<String, Value> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          if (named) {
            String name = string();
            if (byName.put(name, value()) != null) {
              throw new ProtocolException("Parameter " + name + " given twice");
            }
          } else {
            positional.add(value());
          }
        }
        statements.add(new Statement(sql, positional, byName));
      }
      return new Request.Batch(
          id,
          mode,
          timeout,
          maxRows,
          maxBytes,
          maxFileBytes,
          (flags & TYPED_FLAG) != 0,
          (flags & ATOMIC_FLAG) != 0,
          statements);
    }

    private Value value() {
      int tag = u8();
      return switch (tag) {
        case Value.NULL_TAG -> Value.Null.INSTANCE;
        case Value.INTEGER_TAG -> new Value.Int(i64());
        case Value.REAL_TAG -> new Value.Real(Double.longBitsToDouble(i64()));
        case Value.TEXT_TAG -> new Value.Text(string());
        case Value.BLOB_TAG -> {
          int n = i32();
          if (n < 0) {
            throw new ProtocolException("Bad blob length " + n);
          }
          need(n);
          byte[] b = Arrays.copyOfRange(frame, pos, pos + n);
          pos += n;
          yield new Value.Blob(b);
        }
        default -> throw new ProtocolException("Bad value tag " + tag);
      };
    }

    private boolean nextFrame() throws IOException {
      int b0 = in.read();
      if (b0 < 0) {
        return false;
      }
      long length = ((long) b0 << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedShort());
      if (length < 9) {
        throw new ProtocolException("Bad frame length " + length);
      }
      if (length > maxFrame) {
        in.readFully(frame, 0, 9);
        in.skipNBytes(length - 9);
        pos = 1;
        limit = 9;
        throw new FrameTooLargeException(i64(), length, maxFrame);
      }
      int n = (int) length;
      if (frame.length < n || frame.length > 1 << 20 && n < frame.length / 4) {
        frame = new byte[Math.max(n, 256)];
      }
      in.readFully(frame, 0, n);
      pos = 0;
      limit = n;
      return true;
    }

    private void endFrame() {
      if (pos != limit) {
        throw new ProtocolException((limit - pos) + " unexpected bytes at the end of a frame");
      }
    }

    private void need(int n) {
      if (limit - pos < n) {
        throw new ProtocolException("Frame ends too early");
      }
    }

    private int u8() {
      need(1);
      return frame[pos++] & 0xff;
    }

    private int u16() {
      need(2);
      int v = ((frame[pos] & 0xff) << 8) | (frame[pos + 1] & 0xff);
      pos += 2;
      return v;
    }

    private int i32() {
      need(4);
      int v =
          ((frame[pos] & 0xff) << 24)
              | ((frame[pos + 1] & 0xff) << 16)
              | ((frame[pos + 2] & 0xff) << 8)
              | (frame[pos + 3] & 0xff);
      pos += 4;
      return v;
    }

    private long i64() {
      long hi = i32() & 0xffffffffL;
      long lo = i32() & 0xffffffffL;
      return (hi << 32) | lo;
    }

    private String string() {
      int n = i32();
      if (n < 0) {
        throw new ProtocolException("Bad string length " + n);
      }
      need(n);
      String s = new String(frame, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }
  }

  /** Opens a reader with the default maximum frame size. */
  public static Reader reader(InputStream in) {
    return new Reader(in, DEFAULT_MAX_FRAME);
  }
}
