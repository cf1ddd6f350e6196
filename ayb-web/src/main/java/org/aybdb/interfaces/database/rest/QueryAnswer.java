package org.aybdb.interfaces.database.rest;

import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import org.aybdb.application.AybException;
import org.aybdb.application.engine.QueryCursor;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.infrastructure.json.Jsons;
import org.aybdb.infrastructure.json.Utf8Writer;
import org.aybdb.interfaces.rest.HttpExchange;

/**
 * The HTTP answer to a query, ayb's {@code {"fields":[...],"rows":[[...]]}} (plus our {@code
 * "truncated"} member), written as the engine produces the rows so that a request needs a small
 * buffer whatever the size of its result.
 *
 * <p>The first {@value #BUFFER_BYTES} bytes (and the rest of the batch that crosses them) are
 * collected before anything is sent: an answer that ends within them is sent whole, with a {@code
 * Content-Length} and, when cut short, the {@value DatabaseResource#TRUNCATED_HEADER} header; an
 * error within them is an ordinary JSON error with its status. A longer answer is streamed
 * (chunked): its status (200) and headers are sent before its end is known, so it carries the
 * {@code "truncated"} member but not the header. An error after that point (the time limit reached,
 * the daemon died) cannot change the status any more: the body is left unfinished (no closing
 * brackets, never valid JSON) and the connection is aborted, so no client takes a partial answer
 * for a complete one.
 */
final class QueryAnswer {

  private static final Logger LOG = Logger.getLogger(QueryAnswer.class.getName());

  /** What is collected before the answer is committed to a status. */
  static final int BUFFER_BYTES = 64 << 10;

  private final QueryCursor cursor;
  private final Sink sink = new Sink();
  private final JsonGenerator json = Jsons.createGenerator(new Utf8Writer(sink));

  private QueryAnswer(QueryCursor cursor) {
    this.cursor = Objects.requireNonNull(cursor, "cursor");
  }

  /**
   * Reads {@code cursor} up to {@value #BUFFER_BYTES} bytes of JSON and answers with the whole body
   * or a stream of it. The cursor is closed once the answer has been sent, or here on error.
   */
  static Response of(QueryCursor cursor) {
    QueryAnswer answer = new QueryAnswer(cursor);
    if (answer.fill()) {
      Response.ResponseBuilder whole =
          Response.ok(answer.sink.buffered(), MediaType.APPLICATION_JSON_TYPE);
      if (cursor.truncation() != QueryResult.Truncation.NONE) {
        whole.header(DatabaseResource.TRUNCATED_HEADER, ResultJson.word(cursor.truncation()));
      }
      return whole.build();
    }
    return Response.ok((StreamingOutput) answer::stream, MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * As {@link #of}, written straight to an exchange's answer: the same status, headers and body.
   *
   * @throws IOException the client went away, or the query failed after the status was sent (the
   *     caller then aborts the answer)
   */
  static void send(QueryCursor cursor, HttpExchange exchange) throws IOException {
    QueryAnswer answer = new QueryAnswer(cursor);
    boolean whole = answer.fill();
    exchange.status(200);
    exchange.contentType(MediaType.APPLICATION_JSON);
    if (whole) {
      if (cursor.truncation() != QueryResult.Truncation.NONE) {
        exchange.setHeader(DatabaseResource.TRUNCATED_HEADER, ResultJson.word(cursor.truncation()));
      }
      exchange.contentLength(answer.sink.size());
      answer.sink.buffer.writeTo(exchange.output());
    } else {
      answer.stream(exchange.output());
    }
  }

  /**
   * Writes up to {@value #BUFFER_BYTES} bytes of the answer into memory: true when that is all of
   * it (the cursor is then closed), false when the rest is to be streamed. The cursor is closed on
   * error.
   */
  private boolean fill() {
    boolean complete;
    try {
      ResultJson.start(json, cursor.fields());
      complete = copyRows(BUFFER_BYTES);
      if (complete) {
        finish();
      }
    } catch (RuntimeException e) {
      cursor.close();
      throw e;
    }
    if (complete) {
      cursor.close();
    }
    return complete;
  }

  /** The rest of a long answer, after what was buffered. */
  private void stream(OutputStream out) throws IOException {
    try {
      sink.switchTo(out);
      copyRows(Long.MAX_VALUE);
      finish();
    } catch (AybException e) {
      // Committed to 200 already: leave the JSON unfinished and abort the response.
      LOG.fine("Query answer cut after the status was sent: " + e.getMessage());
      throw new IOException("The query failed after its answer had started: " + e.getMessage(), e);
    } finally {
      cursor.close();
    }
  }

  /** Copies batches of rows until the end (true) or until {@code limit} bytes are buffered. */
  private boolean copyRows(long limit) {
    for (List<List<String>> batch = cursor.nextRows(); batch != null; batch = cursor.nextRows()) {
      ResultJson.rows(json, batch);
      json.flush();
      if (sink.size() >= limit) {
        return false;
      }
    }
    return true;
  }

  private void finish() {
    ResultJson.end(json, cursor.truncation());
    json.close();
  }

  /** Collects into memory until switched to the response, then passes everything through. */
  private static final class Sink extends OutputStream {
    // Most answers are a point query's hundred bytes: start small, the buffer doubles as it fills.
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private OutputStream out;

    int size() {
      return buffer == null ? 0 : buffer.size();
    }

    byte[] buffered() {
      return buffer.toByteArray();
    }

    void switchTo(OutputStream target) throws IOException {
      buffer.writeTo(target);
      buffer = null;
      out = target;
    }

    @Override
    public void write(int b) throws IOException {
      if (out != null) {
        out.write(b);
      } else {
        buffer.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (out != null) {
        out.write(b, off, len);
      } else {
        buffer.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      if (out != null) {
        out.flush();
      }
    }

    @Override
    public void close() throws IOException {
      flush(); // the container closes the response itself
    }
  }
}
