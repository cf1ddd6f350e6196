package org.aybdb.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aybdb.application.port.ApplicationMetrics;

/**
 * The application metric {@code ayb.http.requests}: every API request counted and timed, tagged by
 * method ({@value #OTHER} for unknown ones), route template and status class, so {@code /metrics}
 * shows request counts and latencies and stays the same size whatever clients send. Each timer is
 * looked up in the registry once and then kept: a request costs a map lookup, not a registry call.
 */
@ApplicationScoped
public class RequestMetrics {

  private static final String REQUESTS = "ayb.http.requests";
  private static final String REQUESTS_HELP =
      "HTTP API requests by method, route and status class, with their latency";

  /** The {@code method} label of requests with any other method. */
  static final String OTHER = "OTHER";

  /** The {@code route} label of requests that matched no resource (404, 405). */
  static final String UNMATCHED = "UNMATCHED";

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  @Inject ApplicationMetrics registry;

  // Bounded: closed sets of methods, routes (templates) and status classes.
  private final Map<String, ApplicationMetrics.Timer> timers = new ConcurrentHashMap<>();

  /**
   * Records a request that started at {@code startNanos} ({@link System#nanoTime}) and was answered
   * with {@code status}.
   *
   * @param route the matched route's template, or {@link #UNMATCHED}
   */
  public void record(String method, String route, int status, long startNanos) {
    long elapsed = System.nanoTime() - startNanos;
    // Every label from a closed set, whatever clients send: known methods or OTHER, the route's
    // template rather than the path, status classes rather than codes.
    String knownMethod = method(method);
    String statusClass = (status / 100) + "xx";
    Objects.requireNonNull(route, "route");
    timers
        .computeIfAbsent(
            knownMethod + ' ' + route + ' ' + statusClass,
            key ->
                registry.timer(
                    REQUESTS,
                    REQUESTS_HELP,
                    "method",
                    knownMethod,
                    "route",
                    route,
                    "status",
                    statusClass))
        .update(Duration.ofNanos(elapsed));
  }

  /** {@code method} if it is one of the methods the API knows, else {@value #OTHER}. */
  static String method(String method) {
    return METHODS.contains(method) ? method : OTHER;
  }
}
