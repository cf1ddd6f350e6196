package org.aybdb.infrastructure.grizzly;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.aybdb.infrastructure.json.Jsons;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

/** Writes an ayb JSON error answer from inside the Grizzly filter chain, then closes. */
final class ErrorAnswers {

  private ErrorAnswers() {}

  /** ayb's error body: {@code {"type":"Other","message":...}}. */
  static byte[] body(String message) {
    return Jsons.createObjectBuilder()
        .add("type", "Other")
        .add("message", message)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Answers {@code request} with {@code status}, {@code body} and {@code headers}, and closes the
   * connection once the answer is written (what follows on it is not read).
   */
  static void write(
      FilterChainContext ctx,
      HttpRequestPacket request,
      int status,
      byte[] body,
      Map<String, String> headers) {
    HttpResponsePacket response = request.getResponse();
    StatusLines.set(response, status);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    headers.forEach(response::setHeader);
    response.setHeader(Header.Connection, "close");
    response.getProcessingState().setKeepAlive(false);
    HttpContent answer =
        HttpContent.builder(response)
            .content(Buffers.wrap(ctx.getMemoryManager(), body))
            .last(true)
            .build();
    Connection<?> connection = ctx.getConnection();
    ctx.write(
        answer,
        new EmptyCompletionHandler<WriteResult>() {
          @Override
          public void completed(WriteResult result) {
            connection.closeSilently();
          }

          @Override
          public void failed(Throwable throwable) {
            connection.closeSilently();
          }
        });
  }
}
