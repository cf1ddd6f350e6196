package org.aybdb.infrastructure.grizzly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.config.AybConfiguration;
import org.aybdb.interfaces.database.rest.QueryEndpoint;
import org.aybdb.interfaces.health.rest.ManagementAccess;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.utils.DelayedExecutor;

/**
 * Puts ayb's filters in front of Payara's request handler on every HTTP listener when the
 * application starts: {@link ConnectionLimitFilter}, {@link MalformedRequestFilter}, {@link
 * ManagementEndpointFilter}, {@link BodyTimeoutFilter}, then {@link DrainingFilter}, and {@link
 * CodecErrorFilter} below the HTTP codec; on the listeners of the application's virtual server,
 * {@link QueryRoute} last, just before Payara's handler; and drains on shutdown ({@link
 * ShutdownListener}). Takes them out again when the application is undeployed (so a redeployment
 * leaves exactly one of each, from the current class loader), after draining it like a shutdown
 * does (requests in flight finish, new ones get 503), but not while the server stops: until its
 * port closes, refused requests still get ayb's 503.
 */
final class GrizzlyEdge implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GrizzlyEdge.class.getName());

  private final AybConfiguration configuration;
  private final ManagementAccess management;
  private final Queries queries;
  private final Drain drain = new Drain();
  private ShutdownListener shutdown;

  /**
   * Where the query endpoint is served from the listener ({@link QueryRoute}).
   *
   * @param contextPath the application's context path (empty for the root)
   * @param virtualServer the virtual server the application is deployed to: the route goes on its
   *     listeners only
   * @param loader the application's class loader
   */
  record Queries(
      QueryEndpoint endpoint, String contextPath, String virtualServer, ClassLoader loader) {}

  GrizzlyEdge(AybConfiguration configuration, ManagementAccess management, Queries queries) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.management = Objects.requireNonNull(management, "management");
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  /** Installs the filters and starts listening for the server's shutdown. */
  void install() {
    ConnectionLimitFilter.ConnectionCounts connections =
        new ConnectionLimitFilter.ConnectionCounts(configuration.http().maxConnectionsPerClient());
    // Never started: the query route never suspends an answer, so its time-outs never run.
    DelayedExecutor timers = new DelayedExecutor(null);
    try {
      Set<String> queryListeners = GrizzlyFilterChains.listenersOf(queries.virtualServer());
      List<String> routed = new ArrayList<>();
      int chains =
          GrizzlyFilterChains.edit(
              (listener, filters) -> {
                removeOurs(filters);
                int handler = indexOfType(filters, HttpServerFilter.class);
                if (handler >= 0) {
                  filters.addAll(
                      handler,
                      List.of(
                          new ConnectionLimitFilter(connections, management::isManagementAddress),
                          new MalformedRequestFilter(),
                          new ManagementEndpointFilter(management::allows),
                          new BodyTimeoutFilter(
                              configuration.http().bodyTimeout(),
                              configuration.http().minBodyRate()),
                          new DrainingFilter(drain)));
                  handler = indexOfType(filters, HttpServerFilter.class);
                  if (queryListeners.contains(listener)) {
                    filters.add(handler, route((HttpServerFilter) filters.get(handler), timers));
                    routed.add(listener);
                  }
                }
                int codec = indexOfType(filters, org.glassfish.grizzly.http.HttpServerFilter.class);
                if (codec >= 0) {
                  filters.add(codec, new CodecErrorFilter());
                }
              });
      if (chains == 0) {
        LOG.warning("No HTTP listener found: malformed requests are not refused as ayb JSON");
      } else if (routed.isEmpty()) {
        LOG.info(
            "No HTTP listener of virtual server "
                + queries.virtualServer()
                + " found: point queries are served through the servlet container");
      } else {
        LOG.info("Point queries are answered straight from HTTP listeners " + routed);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Cannot reach the HTTP listeners; malformed requests are not refused as ayb JSON",
          e);
    }
    shutdown =
        new ShutdownListener(
            drain,
            Duration.ofSeconds(configuration.server().shutdownGraceSeconds()),
            applicationName());
    shutdown.register();
  }

  private QueryRoute route(HttpServerFilter payara, DelayedExecutor timers) {
    return new QueryRoute(
        queries.endpoint(), queries.contextPath(), queries.loader(), payara, timers);
  }

  /** This application's name, as Payara's deployment events carry it; null if unknown. */
  private static String applicationName() {
    try {
      return (String) new javax.naming.InitialContext().lookup("java:app/AppName");
    } catch (javax.naming.NamingException | RuntimeException e) {
      LOG.log(Level.FINE, "Cannot tell this application's name", e);
      return null;
    }
  }

  /** Drains and removes the filters, unless the server itself stops. */
  @Override
  public void close() {
    if (shutdown != null) {
      shutdown.unregister();
    }
    if (shutdown != null && shutdown.serverStopping()) {
      return; // the server stops: refused requests get ayb's 503 until its port closes
    }
    if (shutdown != null) {
      // Undeployed or disabled: drained when that was announced; now at the latest.
      shutdown.drain();
    }
    try {
      GrizzlyFilterChains.edit((listener, filters) -> removeOurs(filters));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "Cannot reach the HTTP listeners to remove ayb's filters", e);
    }
    Retirement.retire();
  }

  /** The index of the first filter of {@code type}, or -1 (as {@code FilterChain.indexOfType}). */
  private static int indexOfType(List<Filter> filters, Class<? extends Filter> type) {
    for (int i = 0; i < filters.size(); i++) {
      if (type.isAssignableFrom(filters.get(i).getClass())) {
        return i;
      }
    }
    return -1;
  }

  /** Removes filters of this application, also those left by an earlier class loader. */
  private static void removeOurs(List<Filter> chain) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      Filter filter = chain.get(i);
      String name = filter.getClass().getName();
      if (name.equals(MalformedRequestFilter.class.getName())
          || name.equals(DrainingFilter.class.getName())
          || name.equals(BodyTimeoutFilter.class.getName())
          || name.equals(ManagementEndpointFilter.class.getName())
          || name.equals(ConnectionLimitFilter.class.getName())
          || name.equals(CodecErrorFilter.class.getName())
          || name.equals(QueryRoute.class.getName())) {
        chain.remove(i);
      }
    }
  }
}
