package org.aybdb.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts and times every API request into the application metric {@code ayb.http.requests}, tagged
 * by method and status class, so {@code /metrics} shows request counts and latencies.
 */
@Provider
@PreMatching
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";

  private static final Metadata REQUESTS =
      Metadata.builder()
          .withName("ayb.http.requests")
          .withDescription("HTTP API requests by method and status class, with their latency")
          .withUnit(MetricUnits.NANOSECONDS)
          .build();

  @Inject MetricRegistry registry;

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
    // Status classes, not codes or paths: bounded label cardinality whatever clients send.
    String statusClass = (response.getStatus() / 100) + "xx";
    registry
        .timer(REQUESTS, new Tag("method", request.getMethod()), new Tag("status", statusClass))
        .update(Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
