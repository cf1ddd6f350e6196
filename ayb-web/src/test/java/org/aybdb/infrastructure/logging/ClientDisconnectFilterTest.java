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
