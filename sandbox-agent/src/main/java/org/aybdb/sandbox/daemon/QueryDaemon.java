package org.aybdb.sandbox.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.aybdb.sandbox.os.FdOutputStream;
import org.aybdb.sandbox.protocol.ErrorKind;
import org.aybdb.sandbox.protocol.FrameCodec;
import org.aybdb.sandbox.protocol.FrameTooLargeException;
import org.aybdb.sandbox.protocol.ProtocolException;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.protocol.Response;
import org.aybdb.sandbox.sqlite.Sqlite3;

/**
 * The query daemon's entry point: reads request frames from stdin and answers on the protocol
 * descriptor until stdin closes or a SHUTDOWN arrives. Exit status: 0 after a clean end, 2 for bad
 * arguments, 3 after a protocol violation, 1 on an unexpected failure. Diagnostics go to stderr.
 *
 * <p>Normally started by {@code SandboxLauncher}, never directly: the launcher applies the sandbox
 * first.
 */
public final class QueryDaemon {

  private QueryDaemon() {}

  public static void main(String[] args) {
    DaemonOptions options;
    try {
      options = DaemonOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ayb query daemon: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options.engine() == Engine.SQLITE) {
      singleThreaded();
    }
    OutputStream channel =
        options.protocolFd() == 1
            ? new FileOutputStream(FileDescriptor.out)
            : new FdOutputStream(options.protocolFd());
    // Nothing else may ever write to the protocol channel.
    System.setOut(System.err);
    int[] status = {1};
    // An anonymous class, not a lambda: a lambda's first link costs start-up time (see the
    // compiler settings in this module's pom).
    Runnable serving =
        new Runnable() {
          @Override
          public void run() {
            status[0] = serve(options, new FileInputStream(FileDescriptor.in), channel);
          }
        };
    Thread requests = new Thread(null, serving, "requests", options.requestStackBytes());
    requests.start();
    try {
      requests.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(status[0]);
  }

  /**
   * Puts SQLite in single-thread mode before its first use: one thread serves every request, and
   * without it each allocation and page-cache access takes a global mutex (a few percent of a point
   * query). Not fatal if refused; the daemon then runs with SQLite's default locking.
   */
  private static void singleThreaded() {
    int rc = Sqlite3.sqlite3_config(Sqlite3.SQLITE_CONFIG_SINGLETHREAD);
    if (rc != Sqlite3.SQLITE_OK) {
      System.err.println("ayb query daemon: SQLite refused single-thread mode (" + rc + ")");
    }
  }

  /** Serves requests until the input ends; returns the exit status. */
  public static int serve(DaemonOptions options, java.io.InputStream input, OutputStream channel) {
    OutputStream out = new BufferedOutputStream(channel, 64 << 10);
    FrameCodec.Reader reader =
        new FrameCodec.Reader(
            new BufferedInputStream(input, 16 << 10),
            FrameCodec.maxRequestFrame(options.maxSqlBytes()));
    try (RequestHandler executor = RequestHandler.of(options)) {
      FrameCodec.writeResponse(out, executor.hello());
      out.flush();
      while (true) {
        Request request;
        try {
          request = reader.readRequest();
        } catch (FrameTooLargeException e) {
          FrameCodec.writeResponse(
              out,
              new Response.Error(
                  e.id(),
                  ErrorKind.SQL_TOO_LARGE,
                  -1,
                  0,
                  "The query is larger than the maximum of " + options.maxSqlBytes() + " bytes"));
          out.flush();
          continue;
        } catch (ProtocolException e) {
          FrameCodec.writeResponse(
              out, new Response.Error(0, ErrorKind.BAD_REQUEST, -1, 0, e.getMessage()));
          out.flush();
          System.err.println("ayb query daemon: protocol error: " + e.getMessage());
          return 3;
        }
        if (request == null) {
          return 0;
        }
        boolean more = executor.handle(request, out);
        out.flush();
        if (!more) {
          return 0;
        }
      }
    } catch (IOException e) {
      System.err.println("ayb query daemon: " + e);
      return 1;
    } catch (RuntimeException | Error e) {
      System.err.println("ayb query daemon: unexpected failure");
      e.printStackTrace();
      return 1;
    }
  }
}
