package org.aybdb.interfaces.rest;

import jakarta.annotation.PostConstruct;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aybdb.infrastructure.cdi.ContextualInstances;

/**
 * Counts and times every JAX-RS request into {@link RequestMetrics} ({@code ayb.http.requests}).
 */
@Provider
@PreMatching
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";

  // Resource methods are a closed set: each template is put together once.
  private static final Map<Matched, String> ROUTES = new ConcurrentHashMap<>();

  /** A resource method as matched (a subclass may serve an inherited method at its own path). */
  private record Matched(Class<?> resource, Method method) {}

  @Inject RequestMetrics metrics;

  @Context ResourceInfo resourceInfo;

  @PostConstruct
  void callWithoutProxy() {
    // Application-scoped and called on every API request.
    metrics = ContextualInstances.of(metrics, RequestMetrics.class);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object started = request.getProperty(STARTED);
    if (started instanceof Long startNanos) {
      metrics.record(request.getMethod(), route(), response.getStatus(), startNanos);
    }
  }

  /** The matched resource method's path template, e.g. {@code /v1/{entity}/{database}/query}. */
  private String route() {
    Class<?> resource = resourceInfo == null ? null : resourceInfo.getResourceClass();
    Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
    if (resource == null || method == null) {
      return RequestMetrics.UNMATCHED;
    }
    return ROUTES.computeIfAbsent(
        new Matched(resource, method),
        m ->
            template(m.resource().getAnnotation(Path.class))
                + template(m.method().getAnnotation(Path.class)));
  }

  private static String template(Path path) {
    if (path == null) {
      return "";
    }
    String value = path.value();
    return value.startsWith("/") ? value : "/" + value;
  }
}
