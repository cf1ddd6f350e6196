package org.aybdb.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.config.AybConfiguration;

/**
 * CORS as ayb does it ({@code [cors] origin}): {@code *} reflects any request origin, otherwise
 * exactly the configured one is allowed; any header and method; preflight answers cached for 7200
 * s; no credentials. Browser apps need the preflight for {@code Authorization} and {@code
 * Content-Type}.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD";

  @Inject AybConfiguration configuration;

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    boolean preflight =
        HttpMethod.OPTIONS.equals(request.getMethod())
            && origin != null
            && request.getHeaderString("Access-Control-Request-Method") != null;
    if (!preflight) {
      return;
    }
    if (!allowed(origin)) {
      throw new AybException(
          ErrorType.Other,
          AybException.Kind.FORBIDDEN,
          "Origin " + origin + " is not allowed by this server's CORS policy");
    }
    Response.ResponseBuilder response =
        Response.ok()
            .header("Access-Control-Allow-Origin", origin)
            .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
            .header("Access-Control-Max-Age", "7200")
            .header("Vary", "Origin");
    String requestedHeaders = request.getHeaderString("Access-Control-Request-Headers");
    if (requestedHeaders != null && !requestedHeaders.isBlank()) {
      response.header("Access-Control-Allow-Headers", requestedHeaders);
    }
    request.abortWith(response.build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = request.getHeaderString("Origin");
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (origin == null || headers.containsKey("Access-Control-Allow-Origin") || !allowed(origin)) {
      return;
    }
    headers.putSingle("Access-Control-Allow-Origin", origin);
    headers.add("Vary", "Origin");
  }

  private boolean allowed(String origin) {
    return allowed(configuration.cors(), origin);
  }

  /** Whether {@code cors} lets a page from {@code origin} read answers. */
  public static boolean allowed(AybConfiguration.Cors cors, String origin) {
    return cors.allowsAnyOrigin() || cors.origin().trim().equals(origin);
  }
}
