package org.aybdb.infrastructure.logging;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Puts a {@link ClientDisconnectFilter} on the container loggers that report answers a client did
 * not wait for, when the application starts, and takes it off again when it stops (so that a
 * redeployment does not keep an old class loader alive through a server-wide logger).
 */
@WebListener
public class ContainerLogFilters implements ServletContextListener {

  /**
   * Jersey's response writer ("An I/O error has occurred while writing a response message entity to
   * the container output stream.", "Error while closing the output stream in order to commit
   * response.", SEVERE) and Grizzly's filter chain ("GRIZZLY0013: Exception during FilterChain
   * execution", WARNING), each with a full stack trace, when a client disconnects mid-answer or
   * sends an unparsable request line; and the web container's ("Exception processing
   * ErrorPage[...]", WARNING, the stack trace printed into the message) when a client resets the
   * connection while an error page is written. A filter applies to its logger only, not to those
   * below it.
   */
  static final List<String> LOGGERS =
      List.of(
          "org.glassfish.jersey.server.ServerRuntime$Responder",
          "org.glassfish.grizzly.filterchain.DefaultFilterChain",
          "jakarta.enterprise.web",
          "jakarta.enterprise.web.core");

  // Strong references: java.util.logging forgets a logger (and its filter) nobody references.
  private final List<Logger> filtered = new ArrayList<>();

  @Override
  public void contextInitialized(ServletContextEvent event) {
    for (String name : LOGGERS) {
      Logger logger = Logger.getLogger(name);
      logger.setFilter(new ClientDisconnectFilter(withoutOurs(logger)));
      filtered.add(logger);
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    for (Logger logger : filtered) {
      logger.setFilter(withoutOurs(logger));
    }
    filtered.clear();
  }

  /** The logger's filter, minus one this application (or an earlier deployment of it) put there. */
  private static java.util.logging.Filter withoutOurs(Logger logger) {
    java.util.logging.Filter filter = logger.getFilter();
    if (filter != null
        && filter.getClass().getName().equals(ClientDisconnectFilter.class.getName())) {
      try {
        return (java.util.logging.Filter) filter.getClass().getMethod("previous").invoke(filter);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
    return filter;
  }
}
