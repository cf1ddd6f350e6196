package org.aybdb.sandbox.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

  private static FrameCodec.Reader readerOf(byte[] bytes) {
    return new FrameCodec.Reader(new ByteArrayInputStream(bytes), 1 << 20);
  }

  @Test
  void requestsRoundTrip() throws IOException {
    List<Request> requests =
        List.of(
            new Request.Query(
                Long.MAX_VALUE, 42, QueryMode.READ_WRITE, 1500, 10, 4096, "SELECT 'é', '😀';"),
            Request.Query.of(7, QueryMode.READ_ONLY, ""),
            new Request.Ping(-1),
            new Request.VacuumInto(3, 0, "snapshots/a b.sqlite"),
            new Request.Shutdown(9));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Request r : requests) {
      FrameCodec.writeRequest(out, r);
    }
    FrameCodec.Reader reader = readerOf(out.toByteArray());
    for (Request r : requests) {
      assertEquals(r, reader.readRequest());
    }
    assertNull(reader.readRequest(), "clean end of stream");
  }

  @Test
  void responsesRoundTrip() throws IOException {
    List<Response> responses =
        List.of(
            new Response.Hello(1, "sqlite 3.40.1", "sandboxed landlock=7"),
            new Response.Columns(5, List.of("a", "", "ü")),
            new Response.Columns(6, List.of()),
            new Response.Rows(
                5, List.of(Arrays.asList("1", null, ""), Arrays.asList(null, "x", "ÿ"))),
            new Response.End(5, 3, Truncation.BYTES),
            new Response.End(6, 0, Truncation.NONE),
            new Response.Pong(8),
            new Response.Ok(9),
            new Response.Error(
                10, ErrorKind.READ_ONLY, 8, 2, "attempt to write a readonly database"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Response r : responses) {
      FrameCodec.writeResponse(out, r);
    }
    FrameCodec.Reader reader = readerOf(out.toByteArray());
    for (Response r : responses) {
      assertEquals(r, reader.readResponse());
    }
    assertNull(reader.readResponse());
  }

  @Test
  void rowBatchIsReusedAcrossFrames() throws IOException {
    FrameCodec.RowBatch batch = new FrameCodec.RowBatch(2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    batch.addCell("a".getBytes(StandardCharsets.UTF_8));
    batch.addCell(null);
    batch.endRow();
    batch.writeTo(out, 11);
    byte[] big = "xxhelloxx".getBytes(StandardCharsets.UTF_8);
    batch.addCell(big, 2, 5);
    batch.addCell(new byte[0]);
    batch.endRow();
    batch.addCell(null);
    batch.addCell(null);
    batch.endRow();
    batch.writeTo(out, 12);
    FrameCodec.Reader reader = readerOf(out.toByteArray());
    assertEquals(new Response.Rows(11, List.of(Arrays.asList("a", null))), reader.readResponse());
    assertEquals(
        new Response.Rows(12, List.of(Arrays.asList("hello", ""), Arrays.asList(null, null))),
        reader.readResponse());
  }

  @Test
  void rowBatchRefusesIncompleteRows() {
    FrameCodec.RowBatch batch = new FrameCodec.RowBatch(2);
    batch.addCell(null);
    assertThrows(IllegalStateException.class, batch::endRow);
    batch.addCell(null);
    assertThrows(IllegalStateException.class, () -> batch.addCell(null));
  }

  @Test
  void truncatedFrameIsAnEofError() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameCodec.writeRequest(out, Request.Query.of(1, QueryMode.READ_ONLY, "SELECT 1"));
    byte[] all = out.toByteArray();
    byte[] cut = Arrays.copyOf(all, all.length - 3);
    assertThrows(EOFException.class, () -> readerOf(cut).readRequest());
  }

  @Test
  void unknownTypeAndBadModeAreProtocolErrors() throws IOException {
    byte[] frame = {0, 0, 0, 9, 0x7f, 0, 0, 0, 0, 0, 0, 0, 1};
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> readerOf(frame).readRequest());
    assertEquals("Unknown request type 127", e.getMessage());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameCodec.writeRequest(out, Request.Query.of(1, QueryMode.READ_ONLY, "x"));
    byte[] bytes = out.toByteArray();
    bytes[4 + 1 + 8 + 8] = 5; // the mode byte
    ProtocolException mode =
        assertThrows(ProtocolException.class, () -> readerOf(bytes).readRequest());
    assertEquals("Invalid query mode 5, must be 0 or 1", mode.getMessage());
  }

  @Test
  void trailingBytesInAFrameAreRejected() throws IOException {
    byte[] frame = {0, 0, 0, 10, FrameCodec.PING, 0, 0, 0, 0, 0, 0, 0, 1, 0};
    assertThrows(ProtocolException.class, () -> readerOf(frame).readRequest());
  }

  @Test
  void oversizedFrameIsSkippedAndTheStreamStaysInStep() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameCodec.writeRequest(out, Request.Query.of(77, QueryMode.READ_ONLY, "x".repeat(5000)));
    FrameCodec.writeRequest(out, new Request.Ping(78));
    FrameCodec.Reader reader =
        new FrameCodec.Reader(new ByteArrayInputStream(out.toByteArray()), 1000);
    FrameTooLargeException e = assertThrows(FrameTooLargeException.class, reader::readRequest);
    assertEquals(77, e.id());
    assertEquals(5000 + 42, e.length()); // header, limits, SQL and the file bound
    assertEquals(new Request.Ping(78), reader.readRequest());
  }

  @Test
  void negativeLimitsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Request.Query(1, 0, QueryMode.READ_ONLY, -1, 0, 0, "x"));
  }
}
