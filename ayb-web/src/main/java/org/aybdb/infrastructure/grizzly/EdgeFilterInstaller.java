package org.aybdb.infrastructure.grizzly;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.config.AybConfiguration;
import org.aybdb.infrastructure.cdi.ContextualInstances;
import org.aybdb.interfaces.database.rest.QueryEndpoint;
import org.aybdb.interfaces.health.rest.ManagementAccess;

/**
 * Installs ayb's edge filters ({@link GrizzlyEdge}) when the server's HTTP listeners are Grizzly's
 * (Payara), and removes them when the application stops. On any other server (WildFly's Undertow)
 * it says once that they are off and does nothing else: that server's own connection limits and
 * time-outs stand in (docs/deploying.md). No Grizzly type is named here, so this class loads
 * everywhere.
 */
@WebListener
public class EdgeFilterInstaller implements ServletContextListener {

  /** A Grizzly type, looked up by name so that its absence is no error. */
  static final String GRIZZLY = "org.glassfish.grizzly.filterchain.FilterChain";

  private static final Logger LOG = Logger.getLogger(EdgeFilterInstaller.class.getName());

  @Inject AybConfiguration configuration;
  @Inject ManagementAccess management;
  @Inject QueryEndpoint queries;

  private AutoCloseable edge;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (!grizzly()) {
      LOG.info(
          "No Grizzly HTTP listener on this server: ayb's edge filters (connections per client,"
              + " malformed-request answers, /metrics guard, body time-out, drain on shutdown)"
              + " are off; the server's own limits apply");
      return;
    }
    ServletContext context = event.getServletContext();
    GrizzlyEdge installed =
        new GrizzlyEdge(
            configuration,
            management,
            new GrizzlyEdge.Queries(
                // The listener calls it on every point query: no client proxy in between.
                ContextualInstances.of(queries, QueryEndpoint.class),
                context.getContextPath(),
                context.getVirtualServerName(),
                context.getClassLoader()));
    installed.install();
    edge = installed;
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (edge == null) {
      return;
    }
    try {
      edge.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Cannot remove ayb's edge filters", e);
    }
    edge = null;
  }

  private static boolean grizzly() {
    try {
      Class.forName(GRIZZLY, false, EdgeFilterInstaller.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
