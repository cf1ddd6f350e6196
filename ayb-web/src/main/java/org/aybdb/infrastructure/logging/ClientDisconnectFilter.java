package org.aybdb.infrastructure.logging;

import java.io.IOException;
import java.util.Objects;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A log filter for a container logger that reports failed writes of an answer: a record caused by
 * an I/O error (the client closed or reset the connection before reading the whole answer) becomes
 * one line at FINE on this class's logger, without a stack trace; every other record passes to the
 * filter that was there before, if any.
 *
 * <p>A client that goes away mid-answer is the client's business, and any caller can do it at will:
 * logging it as SEVERE with a full stack trace (Jersey writes about 230 lines each time) would let
 * anyone fill the log and hide real failures.
 */
public final class ClientDisconnectFilter implements Filter {

  private static final Logger LOG = Logger.getLogger(ClientDisconnectFilter.class.getName());

  private final Filter previous;

  /**
   * @param previous the logger's filter before this one, or null
   */
  ClientDisconnectFilter(Filter previous) {
    this.previous = previous;
  }

  /** The filter this one was put in front of, or null. */
  public Filter previous() {
    return previous;
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    Objects.requireNonNull(record, "record");
    IOException io = ioCause(record.getThrown());
    if (io != null) {
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine("Client went away before its answer was written: " + io.getMessage());
      }
      return false;
    }
    return previous == null || previous.isLoggable(record);
  }

  /** The first I/O exception in {@code thrown}'s cause chain, or null. */
  private static IOException ioCause(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }
}
