package org.aybdb.infrastructure.grizzly;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.config.AybConfiguration;
import org.aybdb.interfaces.health.rest.ManagementAccess;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.server.HttpServerFilter;

/**
 * Puts ayb's filters in front of Payara's request handler on every HTTP listener when the
 * application starts: {@link ConnectionLimitFilter}, {@link MalformedRequestFilter}, {@link
 * ManagementEndpointFilter}, {@link BodyTimeoutFilter}, then {@link DrainingFilter}, and {@link
 * CodecErrorFilter} below the HTTP codec; and drains on shutdown ({@link ShutdownListener}). Takes
 * them out again when the application is undeployed (so a redeployment leaves exactly one of each,
 * from the current class loader), but not while the server stops: until its port closes, refused
 * requests still get ayb's 503.
 */
@WebListener
public class EdgeFilterInstaller implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(EdgeFilterInstaller.class.getName());

  @Inject AybConfiguration configuration;
  @Inject ManagementAccess management;

  private final Drain drain = new Drain();
  private ShutdownListener shutdown;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ConnectionLimitFilter.ConnectionCounts connections =
        new ConnectionLimitFilter.ConnectionCounts(configuration.http().maxConnectionsPerClient());
    try {
      List<FilterChain> chains = GrizzlyFilterChains.find();
      for (FilterChain chain : chains) {
        synchronized (chain) {
          removeOurs(chain);
          int handler = chain.indexOfType(HttpServerFilter.class);
          if (handler >= 0) {
            // Each goes in front of the one added before it: the first added runs last.
            chain.add(handler, new DrainingFilter(drain));
            chain.add(handler, new BodyTimeoutFilter(configuration.http().bodyTimeout()));
            chain.add(handler, new ManagementEndpointFilter(management::allows));
            chain.add(handler, new MalformedRequestFilter());
            chain.add(
                handler, new ConnectionLimitFilter(connections, management::isManagementAddress));
          }
          int codec = chain.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
          if (codec >= 0) {
            chain.add(codec, new CodecErrorFilter());
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
    shutdown =
        new ShutdownListener(
            drain, Duration.ofSeconds(configuration.server().shutdownGraceSeconds()));
    shutdown.register();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (shutdown != null) {
      shutdown.unregister();
    }
    if (drain.draining()) {
      return;
    }
    try {
      for (FilterChain chain : GrizzlyFilterChains.find()) {
        synchronized (chain) {
          removeOurs(chain);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "Cannot reach the HTTP listeners to remove ayb's filters", e);
    }
  }

  /** Removes filters of this application, also those left by an earlier class loader. */
  private static void removeOurs(FilterChain chain) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      Filter filter = chain.get(i);
      String name = filter.getClass().getName();
      if (name.equals(MalformedRequestFilter.class.getName())
          || name.equals(DrainingFilter.class.getName())
          || name.equals(BodyTimeoutFilter.class.getName())
          || name.equals(ManagementEndpointFilter.class.getName())
          || name.equals(ConnectionLimitFilter.class.getName())
          || name.equals(CodecErrorFilter.class.getName())) {
        chain.remove(i);
      }
    }
  }
}
