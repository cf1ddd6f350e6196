package org.aybdb.infrastructure.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.application.port.ApplicationMetrics;

/**
 * The application metrics, chosen once per application: the server's MicroProfile Metrics registry
 * (Payara), or, on a server without that API (WildFly has metrics of its own, not MicroProfile's),
 * none, said once in the log and in the {@code metrics} readiness check.
 */
@ApplicationScoped
public class ServerMetrics implements ApplicationMetrics {

  /** A type of the MicroProfile Metrics API, looked up by name so that its absence is no error. */
  static final String REGISTRY = "org.eclipse.microprofile.metrics.MetricRegistry";

  private static final Logger LOG = Logger.getLogger(ServerMetrics.class.getName());

  // Untyped: naming MetricRegistry here would break loading this class where it does not exist.
  @Inject Instance<Object> beans;

  private ApplicationMetrics chosen;

  @PostConstruct
  void choose() {
    String missing;
    try {
      Class.forName(REGISTRY, false, ServerMetrics.class.getClassLoader());
      ApplicationMetrics server = MicroProfileMetrics.fromServer(beans);
      if (server != null) {
        chosen = server;
        return;
      }
      missing = "no MicroProfile Metrics registry is deployed";
    } catch (ClassNotFoundException | LinkageError e) {
      missing = "this server has no MicroProfile Metrics API";
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "MicroProfile Metrics lookup failed", e);
      missing = "the MicroProfile Metrics registry cannot be reached: " + e;
    }
    String reason = missing;
    LOG.warning(
        () ->
            "Application metrics are off ("
                + reason
                + "): ayb.http.requests, ayb.sandbox.* and ayb.snapshots.* are not published;"
                + " the server's own metrics are unaffected");
    chosen = new UnpublishedMetrics();
  }

  @Override
  public Counter counter(String name, String description, String... tags) {
    return chosen.counter(name, description, tags);
  }

  @Override
  public Timer timer(String name, String description, String... tags) {
    return chosen.timer(name, description, tags);
  }

  @Override
  public void gauge(String name, String description, Supplier<? extends Number> value) {
    chosen.gauge(name, description, value);
  }

  @Override
  public boolean published() {
    return chosen.published();
  }
}
