package org.aybdb.sandbox.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aybdb.sandbox.protocol.ErrorKind;
import org.aybdb.sandbox.protocol.FrameCodec;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.protocol.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An executor in-process over the real libsqlite3, and helpers that fold its answers. */
abstract class ExecutorTestBase {

  @TempDir Path dir;
  QueryExecutor executor;
  long ids;

  /** A query's answer: the frames after the request, folded. */
  record Answer(
      List<String> fields, List<List<String>> rows, Response.End end, Response.Error error) {}

  @BeforeEach
  void open() {
    executor = new QueryExecutor(DaemonOptions.defaults(dir.resolve("db.sqlite")));
  }

  @AfterEach
  void close() {
    executor.close();
  }

  Answer run(QueryMode mode, String sql) throws IOException {
    return run(new Request.Query(++ids, 0, mode, 0, 0, 0, sql));
  }

  Answer run(Request.Query q) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(executor.handle(q, out));
    FrameCodec.Reader reader =
        new FrameCodec.Reader(new ByteArrayInputStream(out.toByteArray()), 1 << 24);
    List<String> fields = null;
    List<List<String>> rows = new ArrayList<>();
    Response r;
    while ((r = reader.readResponse()) != null) {
      assertEquals(q.id(), r.id());
      if (r instanceof Response.Columns c) {
        fields = c.names();
      } else if (r instanceof Response.Rows b) {
        rows.addAll(b.rows());
      } else if (r instanceof Response.End e) {
        assertEquals(null, reader.readResponse(), "END is the last frame");
        return new Answer(fields, rows, e, null);
      } else if (r instanceof Response.Error e) {
        assertEquals(null, reader.readResponse(), "ERROR is the last frame");
        return new Answer(fields, rows, null, e);
      }
    }
    throw new AssertionError("no END or ERROR");
  }

  Answer ok(QueryMode mode, String sql) throws IOException {
    Answer a = run(mode, sql);
    assertEquals(null, a.error(), () -> "unexpected error for " + sql);
    return a;
  }

  Response.Error fails(QueryMode mode, String sql, ErrorKind kind) throws IOException {
    Answer a = run(mode, sql);
    assertTrue(a.error() != null, () -> "expected " + kind + " for " + sql + ", got " + a);
    assertEquals(kind, a.error().kind(), a.error()::message);
    return a.error();
  }
}
