package org.aybdb.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Set;
import org.aybdb.application.port.ApplicationMetrics;

/**
 * Counts and times every API request into the application metric {@code ayb.http.requests}, tagged
 * by method ({@value #OTHER} for unknown ones), route template and status class, so {@code
 * /metrics} shows request counts and latencies and stays the same size whatever clients send.
 */
@Provider
@PreMatching
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";

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

  @Context ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object started = request.getProperty(STARTED);
    if (!(started instanceof Long startNanos)) {
      return;
    }
    // Every label from a closed set, whatever clients send: known methods or OTHER, the route's
    // template rather than the path, status classes rather than codes.
    String statusClass = (response.getStatus() / 100) + "xx";
    registry
        .timer(
            REQUESTS,
            REQUESTS_HELP,
            "method",
            method(request.getMethod()),
            "route",
            route(),
            "status",
            statusClass)
        .update(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** {@code method} if it is one of the methods the API knows, else {@value #OTHER}. */
  static String method(String method) {
    return METHODS.contains(method) ? method : OTHER;
  }

  /** The matched resource method's path template, e.g. {@code /v1/{entity}/{database}/query}. */
  private String route() {
    Class<?> resource = resourceInfo == null ? null : resourceInfo.getResourceClass();
    Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
    if (resource == null || method == null) {
      return UNMATCHED;
    }
    return template(resource.getAnnotation(Path.class))
        + template(method.getAnnotation(Path.class));
  }

  private static String template(Path path) {
    if (path == null) {
      return "";
    }
    String value = path.value();
    return value.startsWith("/") ? value : "/" + value;
  }
}
