package org.aybdb.sandbox.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aybdb.sandbox.protocol.ErrorKind;
import org.aybdb.sandbox.protocol.FrameCodec;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.protocol.Response;
import org.aybdb.sandbox.protocol.Statement;
import org.aybdb.sandbox.protocol.Truncation;
import org.aybdb.sandbox.protocol.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batches with bound parameters, typed results and atomicity, over the real libsqlite3. */
class BatchExecutorTest extends ExecutorTestBase {

  /** Every frame of a batch's answer, through the real codec. */
  List<Response> frames(Request.Batch b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    FrameCodec.writeRequest(request, b);
    Request decoded =
        new FrameCodec.Reader(new ByteArrayInputStream(request.toByteArray()), 1 << 24)
            .readRequest();
    assertTrue(executor.handle(decoded, out));
    FrameCodec.Reader reader =
        new FrameCodec.Reader(new ByteArrayInputStream(out.toByteArray()), 1 << 24);
    List<Response> frames = new ArrayList<>();
    for (Response r = reader.readResponse(); r != null; r = reader.readResponse()) {
      frames.add(r);
    }
    return frames;
  }

  Request.Batch batch(QueryMode mode, boolean typed, boolean atomic, Statement... statements) {
    return new Request.Batch(++ids, mode, 0, 0, 0, 0, typed, atomic, List.of(statements));
  }

  static Statement positional(String sql, Value... values) {
    return new Statement(sql, List.of(values), Map.of());
  }

  static Statement named(String sql, Object... keysAndValues) {
    Map<String, Value> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
    }
    return new Statement(sql, List.of(), m);
  }

  static List<Response.StatementEnd> ends(List<Response> frames) {
    return frames.stream()
        .filter(Response.StatementEnd.class::isInstance)
        .map(Response.StatementEnd.class::cast)
        .toList();
  }

  Response.Error error(List<Response> frames) {
    Response last = frames.get(frames.size() - 1);
    assertTrue(last instanceof Response.Error, () -> "expected an error, got " + frames);
    return (Response.Error) last;
  }

  @BeforeEach
  void table() throws IOException {
    ok(QueryMode.READ_WRITE, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, data BLOB)");
  }

  @Test
  void positionalAndNumberedParametersAreBoundNotInterpolated() throws IOException {
    String attack = "x'); DROP TABLE t; --";
    List<Response> f =
        frames(
            batch(
                QueryMode.READ_WRITE,
                false,
                false,
                positional(
                    "INSERT INTO t(id, name) VALUES (?1, ?2)",
                    new Value.Int(7),
                    new Value.Text(attack))));
    assertTrue(f.get(f.size() - 1) instanceof Response.End, f::toString);
    Answer a = ok(QueryMode.READ_ONLY, "SELECT id, name FROM t");
    assertEquals(List.of(List.of("7", attack)), a.rows());
  }

  @Test
  void namedParametersTakeEveryPrefix() throws IOException {
    frames(
        batch(
            QueryMode.READ_WRITE,
            false,
            false,
            named(
                "INSERT INTO t(id, name) VALUES (:id, @name)",
                "id",
                new Value.Int(1),
                "@name",
                new Value.Text(""))));
    List<Response> f =
        frames(
            batch(
                QueryMode.READ_ONLY,
                true,
                false,
                named(
                    "SELECT id, name, $x AS x FROM t WHERE id = :id",
                    "id",
                    new Value.Int(1),
                    "x",
                    new Value.Blob(new byte[0]))));
    Response.TypedColumns cols = (Response.TypedColumns) f.get(0);
    assertEquals(List.of("id", "name", "x"), cols.names());
    assertEquals("INTEGER", cols.declaredTypes().get(0));
    assertNull(cols.declaredTypes().get(2));
    Response.TypedRows rows = (Response.TypedRows) f.get(1);
    List<Value> row = rows.rows().get(0);
    assertEquals(new Value.Int(1), row.get(0));
    assertEquals(new Value.Text(""), row.get(1), "an empty text stays text, not NULL");
    assertEquals(new Value.Blob(new byte[0]), row.get(2), "an empty blob stays a blob");
  }

  @Test
  void typedValuesKeepTheirStorageClass() throws IOException {
    byte[] blob = {0, (byte) 0xff, 1};
    List<Response> f =
        frames(
            batch(
                QueryMode.READ_ONLY,
                true,
                false,
                positional(
                    "SELECT ?, ?, ?, ?, ?",
                    new Value.Int(Long.MAX_VALUE),
                    new Value.Real(1.5),
                    new Value.Text("é"),
                    new Value.Blob(blob),
                    Value.Null.INSTANCE)));
    List<Value> row = ((Response.TypedRows) f.get(1)).rows().get(0);
    assertEquals(new Value.Int(Long.MAX_VALUE), row.get(0));
    assertEquals(new Value.Real(1.5), row.get(1));
    assertEquals(new Value.Text("é"), row.get(2));
    assertArrayEquals(blob, ((Value.Blob) row.get(3)).value());
    assertEquals(Value.Null.INSTANCE, row.get(4));
    Response.StatementEnd end = (Response.StatementEnd) f.get(2);
    assertEquals(1, end.index());
    assertEquals(Truncation.NONE, end.truncation());
    assertTrue(f.get(3) instanceof Response.End);
  }

  @Test
  void wrongCountUnknownAndMissingNamesAreRefusedNamingTheParameter() throws IOException {
    Response.Error e =
        error(
            frames(
                batch(
                    QueryMode.READ_ONLY,
                    false,
                    false,
                    positional("SELECT ?, ?", new Value.Int(1)))));
    assertEquals(ErrorKind.BAD_REQUEST, e.kind());
    assertEquals("The statement has 2 parameters but 1 value was given", e.message());
    e =
        error(
            frames(
                batch(
                    QueryMode.READ_ONLY,
                    false,
                    false,
                    named("SELECT :a", "a", new Value.Int(1), "b", new Value.Int(2)))));
    assertTrue(e.message().contains("Unknown parameter name \"b\""), e.message());
    e =
        error(
            frames(
                batch(
                    QueryMode.READ_ONLY,
                    false,
                    false,
                    named("SELECT :a, :c", "a", new Value.Int(1)))));
    assertEquals("No value for parameter :c", e.message());
    e =
        error(
            frames(
                batch(
                    QueryMode.READ_ONLY, false, false, positional("SELECT :a", new Value.Int(1)))));
    assertTrue(e.message().startsWith("Parameter :a is named"), e.message());
    e = error(frames(batch(QueryMode.READ_ONLY, false, false, positional("SELECT 1; SELECT 2"))));
    assertTrue(e.message().contains("more than one SQL statement"), e.message());
  }

  @Test
  void aFailingStatementRollsBackTheWholeBatchAndIsNamed() throws IOException {
    List<Response> f =
        frames(
            batch(
                QueryMode.READ_WRITE,
                false,
                true,
                positional("INSERT INTO t(id) VALUES (?)", new Value.Int(1)),
                positional("INSERT INTO t(id) VALUES (?)", new Value.Int(2)),
                positional("INSERT INTO nowhere VALUES (?)", new Value.Int(3))));
    Response.Error e = error(f);
    assertEquals(3, e.statementIndex());
    assertEquals("no such table: nowhere", e.message());
    assertEquals(List.of(List.of("0")), ok(QueryMode.READ_ONLY, "SELECT count(*) FROM t").rows());
  }

  @Test
  void aSuccessfulBatchCommitsAndReportsEachStatement() throws IOException {
    List<Response> f =
        frames(
            batch(
                QueryMode.READ_WRITE,
                false,
                true,
                positional("INSERT INTO t(id) VALUES (?)", new Value.Int(5)),
                positional("UPDATE t SET name = ? WHERE id = 5", new Value.Text("five")),
                Statement.of("SELECT id, name FROM t")));
    List<Response.StatementEnd> ends = ends(f);
    assertEquals(3, ends.size());
    assertEquals(1, ends.get(0).changes());
    assertEquals(5, ends.get(0).lastInsertRowid());
    assertEquals(1, ends.get(1).changes());
    assertEquals(0, ends.get(2).changes());
    assertTrue(f.contains(new Response.Rows(f.get(0).id(), List.of(List.of("5", "five")))));
    assertEquals(List.of(List.of("1")), ok(QueryMode.READ_ONLY, "SELECT count(*) FROM t").rows());
  }

  @Test
  void transactionControlInsideABatchIsRefusedBeforeItRuns() throws IOException {
    Response.Error e =
        error(
            frames(
                batch(
                    QueryMode.READ_WRITE,
                    false,
                    true,
                    positional("INSERT INTO t(id) VALUES (1)"),
                    Statement.of("  /* c */ COMMIT"),
                    Statement.of("INSERT INTO nowhere VALUES (1)"))));
    assertEquals(2, e.statementIndex());
    assertEquals(List.of(List.of("0")), ok(QueryMode.READ_ONLY, "SELECT count(*) FROM t").rows());
  }

  @Test
  void aReadOnlyBatchRefusesWritesAndKeepsNothing() throws IOException {
    Response.Error e =
        error(
            frames(
                batch(
                    QueryMode.READ_ONLY,
                    false,
                    true,
                    Statement.of("SELECT 1"),
                    Statement.of("INSERT INTO t(id) VALUES (1)"))));
    assertEquals(ErrorKind.READ_ONLY, e.kind());
    assertEquals(2, e.statementIndex());
  }

  @Test
  void theAuthorizerStillRefusesInABatch() throws IOException {
    Response.Error e =
        error(frames(batch(QueryMode.READ_WRITE, false, true, Statement.of("ATTACH 'x.db' AS x"))));
    assertEquals(ErrorKind.NOT_AUTHORIZED, e.kind());
  }

  @Test
  void theRowCapSpansTheWholeBatch() throws IOException {
    ok(QueryMode.READ_WRITE, "INSERT INTO t(id) VALUES (1), (2), (3)");
    List<Response> f =
        frames(
            new Request.Batch(
                ++ids,
                QueryMode.READ_ONLY,
                0,
                4,
                0,
                0,
                true,
                true,
                List.of(Statement.of("SELECT id FROM t"), Statement.of("SELECT id FROM t"))));
    List<Response.StatementEnd> ends = ends(f);
    assertEquals(Truncation.NONE, ends.get(0).truncation());
    assertEquals(Truncation.ROWS, ends.get(1).truncation());
    assertEquals(Truncation.ROWS, ((Response.End) f.get(f.size() - 1)).truncation());
  }

  /**
   * A control character costs six bytes in the typed JSON ({@code \u0001}): the byte cap must count
   * them so, not as twice the text, or a result three times the cap gets through.
   */
  @Test
  void theTypedByteCapCountsEscapedControlCharactersAtTheirJsonSize() throws IOException {
    // 1000 bytes of U+0001: 6000 bytes as JSON, over a 3000-byte cap that "2 x 1000" would pass.
    List<Response> f =
        frames(
            new Request.Batch(
                ++ids,
                QueryMode.READ_ONLY,
                0,
                0,
                3000,
                0,
                true,
                false,
                List.of(Statement.of("SELECT replace(hex(zeroblob(1000)), '00', char(1))"))));
    assertEquals(Truncation.BYTES, ends(f).get(0).truncation());
    assertTrue(
        f.stream().noneMatch(r -> r instanceof Response.TypedRows t && !t.rows().isEmpty()),
        () -> "the row was sent: " + f);
  }
}
