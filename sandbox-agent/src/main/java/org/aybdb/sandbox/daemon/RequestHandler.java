package org.aybdb.sandbox.daemon;

import java.io.IOException;
import java.io.OutputStream;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.protocol.Response;

/**
 * What answers a daemon's requests for one engine ({@link QueryExecutor}, {@link DuckDbExecutor}).
 */
public interface RequestHandler extends AutoCloseable {

  /** The hello frame the daemon sends first. */
  Response.Hello hello();

  /** Answers one request (without flushing); false when the daemon should exit. */
  boolean handle(Request request, OutputStream out) throws IOException;

  @Override
  void close();

  /** The handler for the engine {@code options} name. */
  static RequestHandler of(DaemonOptions options) {
    return options.engine() == Engine.DUCKDB
        ? new DuckDbExecutor(options)
        : new QueryExecutor(options);
  }
}
