package org.aybdb.infrastructure.grizzly;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.server.HttpServerFilter;

/**
 * Puts a {@link MalformedRequestFilter} in front of Payara's request handler on every HTTP listener
 * when the application starts, and takes it out again when it stops (so a redeployment leaves
 * exactly one, from the current class loader).
 */
@WebListener
public class MalformedRequestGuard implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(MalformedRequestGuard.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    try {
      List<FilterChain> chains = GrizzlyFilterChains.find();
      for (FilterChain chain : chains) {
        synchronized (chain) {
          removeOurs(chain);
          int handler = chain.indexOfType(HttpServerFilter.class);
          if (handler >= 0) {
            chain.add(handler, new MalformedRequestFilter());
          }
        }
      }
      if (chains.isEmpty()) {
        LOG.warning("No HTTP listener found: malformed requests are not refused as ayb JSON");
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Cannot reach the HTTP listeners; malformed requests are not refused as ayb JSON",
          e);
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    try {
      for (FilterChain chain : GrizzlyFilterChains.find()) {
        synchronized (chain) {
          removeOurs(chain);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "Cannot reach the HTTP listeners to remove the request filter", e);
    }
  }

  /** Removes filters of this application, also those left by an earlier class loader. */
  private static void removeOurs(FilterChain chain) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      Filter filter = chain.get(i);
      if (filter.getClass().getName().equals(MalformedRequestFilter.class.getName())) {
        chain.remove(i);
      }
    }
  }
}
