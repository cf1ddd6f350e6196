package org.aybdb.infrastructure.logging;

import java.io.IOException;
import java.util.Objects;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A log filter for the container loggers that report what a client did rather than a fault of the
 * server: a record caused by a connection the client closed or reset before reading its whole
 * answer (an {@link IOException} saying so, or the servlet container's {@code
 * ClientAbortException}), or by a request line the HTTP codec cannot parse (Grizzly's {@code
 * IllegalStateException: Unknown protocol ...}, which ayb answers with a 400 anyway), becomes one
 * line at FINE on this class's logger, without a stack trace. The web container's own logger prints
 * the exception into the message instead of attaching it ("Exception processing ErrorPage[...]"
 * followed by the stack trace); such a message is read the same way. Every other record passes to
 * the filter that was there before, if any.
 *
 * <p>Any caller can do these at will: logging each as SEVERE or WARNING with a full stack trace
 * (Jersey writes about 230 lines per disconnect) would let anyone fill the log and hide real
 * failures.
 */
public final class ClientDisconnectFilter implements Filter {

  private static final Logger LOG = Logger.getLogger(ClientDisconnectFilter.class.getName());

  /** How the JDK and Grizzly word a connection the peer has closed or reset. */
  private static final Pattern CLOSED =
      Pattern.compile("(?i).*(connection is closed|connection reset|broken pipe|stream closed).*");

  /**
   * A line of a printed stack trace that names an exception: {@code [Caused by: ]class[: message]}.
   */
  private static final Pattern EXCEPTION_LINE =
      Pattern.compile(
          "(?m)^(?:Caused by: )?((?:[A-Za-z_$][\\w$]*\\.)+([A-Za-z_$][\\w$]*))(?:: (.*))?$");

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
    Object cause =
        record.getThrown() != null
            ? clientCause(record.getThrown())
            : clientCause(String.valueOf(record.getMessage()));
    if (cause != null) {
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine("Not logged, the client's doing: " + cause);
      }
      return false;
    }
    return previous == null || previous.isLoggable(record);
  }

  /** The line of a message's printed stack trace that says the client did it, or null. */
  private static String clientCause(String message) {
    var lines = EXCEPTION_LINE.matcher(message);
    while (lines.find()) {
      String simpleName = lines.group(2);
      String text = String.valueOf(lines.group(3));
      if (simpleName.equals("ClientAbortException")
          || (simpleName.endsWith("IOException") && CLOSED.matcher(text).matches())) {
        return lines.group();
      }
    }
    return null;
  }

  /** The exception in {@code thrown}'s cause chain that says the client did it, or null. */
  private static Throwable clientCause(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t.getClass().getSimpleName().equals("ClientAbortException")
          || (t instanceof IOException && CLOSED.matcher(message).matches())
          || (t instanceof IllegalStateException && message.startsWith("Unknown protocol"))) {
        return t;
      }
    }
    return null;
  }
}
