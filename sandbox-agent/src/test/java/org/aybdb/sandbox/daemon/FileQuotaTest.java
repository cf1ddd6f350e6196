package org.aybdb.sandbox.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-request file bound ({@link Request.Query#maxFileBytes()}) over the real libsqlite3. */
class FileQuotaTest {

  @TempDir Path dir;
  private QueryExecutor executor;
  private long ids;

  @BeforeEach
  void open() {
    executor = new QueryExecutor(DaemonOptions.defaults(dir.resolve("db.sqlite")));
  }

  @AfterEach
  void close() {
    executor.close();
  }

  /** The frames answering {@code sql}: the error, if any, is the last one. */
  private List<Response> run(QueryMode mode, String sql, long maxFileBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    executor.handle(new Request.Query(++ids, 0, mode, 0, 0, 0, sql, maxFileBytes), out);
    FrameCodec.Reader reader =
        new FrameCodec.Reader(new ByteArrayInputStream(out.toByteArray()), 1 << 24);
    List<Response> frames = new ArrayList<>();
    for (Response r = reader.readResponse(); r != null; r = reader.readResponse()) {
      frames.add(r);
    }
    return frames;
  }

  private static Response.Error error(List<Response> frames) {
    Response last = frames.get(frames.size() - 1);
    assertTrue(last instanceof Response.Error, () -> "expected an error, got " + frames);
    return (Response.Error) last;
  }

  @Test
  void aWritePastTheBoundFailsAndKeepsWhatWasCommitted() throws IOException {
    long bound = 64 << 10;
    run(QueryMode.READ_WRITE, "CREATE TABLE t(x); INSERT INTO t VALUES ('kept')", bound);
    Response.Error full =
        error(
            run(
                QueryMode.READ_WRITE,
                "INSERT INTO t SELECT hex(randomblob(1000)) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c LIMIT 200) SELECT i FROM c)",
                bound));
    assertEquals(ErrorKind.STORAGE_FULL, full.kind(), full.message());
    assertEquals(13, full.sqliteCode() & 0xff, "SQLITE_FULL");
    assertTrue(Files.size(dir.resolve("db.sqlite")) <= bound);
    List<Response> count = run(QueryMode.READ_ONLY, "SELECT count(*), min(x) FROM t", 0);
    assertEquals(List.of(List.of("1", "kept")), ((Response.Rows) count.get(1)).rows());
    // The same connection without a bound (the quota raised) grows again.
    assertTrue(
        run(
                    QueryMode.READ_WRITE,
                    "INSERT INTO t SELECT hex(randomblob(1000)) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c LIMIT 200) SELECT i FROM c)",
                    0)
                .get(1)
            instanceof Response.End);
  }

  /** Requests without a bound skip the pragma once it is lifted; a bound still applies after. */
  @Test
  void aBoundAfterUnboundedRequestsStillHolds() throws IOException {
    String grow =
        "INSERT INTO t SELECT hex(randomblob(1000)) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION"
            + " ALL SELECT i + 1 FROM c LIMIT 200) SELECT i FROM c)";
    run(QueryMode.READ_WRITE, "CREATE TABLE t(x)", 0);
    run(QueryMode.READ_WRITE, "SELECT count(*) FROM t", 0);
    assertTrue(run(QueryMode.READ_WRITE, grow, 0).get(1) instanceof Response.End);
    long size = Files.size(dir.resolve("db.sqlite"));
    Response.Error full = error(run(QueryMode.READ_WRITE, grow, size + 8192));
    assertEquals(ErrorKind.STORAGE_FULL, full.kind(), full.message());
    assertTrue(run(QueryMode.READ_WRITE, "SELECT 1", 0).get(1) instanceof Response.Rows);
    assertTrue(run(QueryMode.READ_WRITE, grow, 0).get(1) instanceof Response.End);
    assertTrue(Files.size(dir.resolve("db.sqlite")) > size + 8192);
  }

  @Test
  void theCallerCannotLiftTheBound() throws IOException {
    Response.Error refused =
        error(run(QueryMode.READ_WRITE, "PRAGMA MAX_PAGE_COUNT = 100000000", 1 << 20));
    assertEquals(ErrorKind.NOT_AUTHORIZED, refused.kind());
    assertTrue(refused.message().contains("max_page_count"), refused.message());
  }
}
