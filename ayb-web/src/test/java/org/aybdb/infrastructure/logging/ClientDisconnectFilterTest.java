package org.aybdb.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ClientDisconnectFilterTest {

  private static LogRecord severe(Throwable thrown) {
    LogRecord record = new LogRecord(Level.SEVERE, "An I/O error has occurred");
    record.setThrown(thrown);
    return record;
  }

  @Test
  void dropsRecordsCausedByAnIoErrorHoweverWrapped() {
    ClientDisconnectFilter filter = new ClientDisconnectFilter(null);
    assertFalse(filter.isLoggable(severe(new IOException("Connection is closed"))));
    assertFalse(
        filter.isLoggable(
            severe(
                new RuntimeException(
                    new UncheckedIOException(new IOException("Connection reset by peer"))))));
  }

  @Test
  void dropsRecordsOfAnUnparsableRequestLine() {
    assertFalse(
        new ClientDisconnectFilter(null)
            .isLoggable(severe(new IllegalStateException("Unknown protocol T /health HTTP/1.1"))));
  }

  /** As the web container logs a failed error page: the stack trace printed into the message. */
  private static LogRecord printed(String exceptionLine) {
    return new LogRecord(
        Level.WARNING,
        "StandardHostValve[localhost]: Exception processing ErrorPage[errorCode=404,"
            + " location=/error]\n"
            + exceptionLine
            + "\n\tat org.apache.catalina.connector.OutputBuffer.realWriteBytes(OutputBuffer.java:1)"
            + "\n\tat org.apache.catalina.core.StandardHostValve.custom(StandardHostValve.java:1)\n");
  }

  @Test
  void dropsAStackTracePrintedIntoTheMessageWhenTheClientResetTheConnection() {
    ClientDisconnectFilter filter = new ClientDisconnectFilter(null);
    assertFalse(
        filter.isLoggable(
            printed(
                "org.apache.catalina.connector.ClientAbortException: java.io.IOException:"
                    + " Connection reset by peer")));
    assertFalse(filter.isLoggable(printed("java.io.IOException: Broken pipe")));
    assertFalse(
        filter.isLoggable(
            printed(
                "jakarta.servlet.ServletException: x\nCaused by: java.io.IOException: Connection is closed")));
    assertTrue(filter.isLoggable(printed("java.io.IOException: No space left on device")));
    assertTrue(filter.isLoggable(printed("java.lang.NullPointerException")));
    assertTrue(
        filter.isLoggable(new LogRecord(Level.WARNING, "a client said: connection reset")),
        "only an exception's own line counts");
  }

  @Test
  void passesOtherRecordsToThePreviousFilter() {
    assertTrue(
        new ClientDisconnectFilter(null).isLoggable(severe(new IOException("No space left"))));
    assertTrue(new ClientDisconnectFilter(null).isLoggable(severe(new IllegalStateException())));
    assertTrue(new ClientDisconnectFilter(null).isLoggable(severe(null)));
    assertFalse(
        new ClientDisconnectFilter(record -> false)
            .isLoggable(severe(new IllegalStateException())));
  }
}
