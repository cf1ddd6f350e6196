package org.aybdb.interfaces.database.rest;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.QueryPath;
import org.aybdb.application.engine.QueryCursor;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.Slugs;
import org.aybdb.interfaces.rest.ClientAddresses;
import org.aybdb.interfaces.rest.CorsFilter;
import org.aybdb.interfaces.rest.RequestMetrics;
import org.aybdb.interfaces.rest.TextBodies;
import org.aybdb.interfaces.rest.auth.CallerContext;
import org.aybdb.interfaces.rest.error.ErrorAnswer;

/**
 * Serves {@code POST /v1/{entity}/{database}/query} with SQL as the body straight from the servlet
 * container, ahead of JAX-RS: the point query is the request the server answers most, and JAX-RS's
 * per-request work (matching, filters, request-scoped beans, the response's entity providers) cost
 * more than the query itself. It answers exactly as {@link DatabaseResource#query} does, in the
 * same order: CORS headers, bearer authentication (401), the body read at most {@code [sandbox]
 * max_sql_bytes} (413) as UTF-8 without NUL (400), then {@link QueryPath#open} (access, empty SQL,
 * admission with 429/503 and {@code Retry-After}, the engine), the answer written by {@link
 * QueryAnswer}, the request counted in {@code ayb.http.requests} under the same route label.
 *
 * <p>Only requests whose answer is certain to be that go this way: any other method or path, a
 * percent-escaped or reserved path segment, a body typed as JSON (parameters, batches), an {@code
 * Accept} other than the plain ones, or more than one {@code Accept} or {@code Content-Type} header
 * pass on to JAX-RS, which answers them (and their refusals: 404, 405, 406) as before.
 */
public class QueryEndpointFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The route label of these requests in {@code ayb.http.requests}, as JAX-RS names it. */
  static final String ROUTE = "/v1/{entity}/{database}/query";

  /** The label for the entity that is itself named {@code entity}. */
  static final String ENTITY_ROUTE = "/v1/entity/{entity}/query";

  private static final String PREFIX = "/v1/";
  private static final String SUFFIX = "/query";

  /**
   * First segments under {@code /v1/} that other resources own ({@code /v1/tokens}, {@code
   * /v1/oauth/token}): JAX-RS picks those resources for any path below them, so this filter leaves
   * them alone. {@code entity} is served here, under its own route label.
   */
  static final Set<String> OTHER_RESOURCES = Set.of("tokens", "oauth");

  private static final String TEXT_PLAIN = "text/plain";

  /** {@code Accept} values whose answer is {@code application/json} without negotiation. */
  private static final Set<String> PLAIN_ACCEPT =
      Set.of("*/*", "application/json", "application/*");

  @Inject transient QueryPath queries;
  @Inject transient AybConfiguration configuration;
  @Inject transient RequestMetrics metrics;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String[] names = "POST".equals(request.getMethod()) ? names(request) : null;
    if (names == null || !plainSql(request) || !plainAccept(request)) {
      chain.doFilter(request, response);
      return;
    }
    long started = System.nanoTime();
    try {
      serve(request, response, names[0], names[1]);
    } finally {
      metrics.record("POST", names[2], response.getStatus(), started);
    }
  }

  private void serve(
      HttpServletRequest request, HttpServletResponse response, String entity, String database)
      throws IOException {
    allowOrigin(request, response);
    QueryCursor cursor;
    try {
      Caller caller =
          CallerContext.callerOf(queries, joined(request.getHeaders("Authorization")), false);
      int maxSqlBytes = configuration.sandbox().maxSqlBytes();
      String sql =
          TextBodies.requireNoNul(
              TextBodies.readUtf8(request.getInputStream(), maxSqlBytes, "SQL"));
      cursor =
          queries.open(
              Optional.ofNullable(caller),
              ClientAddresses.of(request, configuration.limits().trustedProxies()),
              entity,
              database,
              sql);
    } catch (AybException e) {
      ErrorAnswer.of(e).send(response);
      return;
    } catch (RuntimeException e) {
      ErrorAnswer.unexpected(e).send(response);
      return;
    }
    try {
      QueryAnswer.send(cursor, response);
    } catch (AybException e) {
      // Failed before anything was sent (the cursor is closed): an ordinary error answer.
      ErrorAnswer.of(e).send(response);
    } catch (RuntimeException e) {
      if (response.isCommitted()) {
        throw e;
      }
      ErrorAnswer.unexpected(e).send(response);
    }
  }

  /**
   * The entity (lower-cased), the database and the route label of {@code
   * /v1/{entity}/{database}/query}; null for any other path, a segment with a percent escape or
   * matrix parameter, or a first segment another resource owns.
   */
  static String[] names(HttpServletRequest request) {
    return names(request.getRequestURI(), request.getContextPath());
  }

  static String[] names(String uri, String contextPath) {
    int start = contextPath.length() + PREFIX.length();
    if (!uri.startsWith(PREFIX, start - PREFIX.length()) || !uri.endsWith(SUFFIX)) {
      return null;
    }
    int end = uri.length() - SUFFIX.length();
    int slash = uri.indexOf('/', start);
    if (slash <= start || slash >= end - 1 || uri.indexOf('/', slash + 1) != end) {
      return null;
    }
    String entity = uri.substring(start, slash);
    String database = uri.substring(slash + 1, end);
    if (!plainSegment(entity) || !plainSegment(database)) {
      return null;
    }
    if (OTHER_RESOURCES.contains(entity)) {
      return null;
    }
    // JAX-RS matches literals case-sensitively: only "entity" itself takes that resource's route.
    String route = entity.equals(EntityNamedEntityResource.ENTITY) ? ENTITY_ROUTE : ROUTE;
    return new String[] {Slugs.lowerCase(entity), database, route};
  }

  /** A segment JAX-RS would hand over as it is: no escapes to decode, no matrix parameters. */
  private static boolean plainSegment(String segment) {
    return segment.indexOf('%') < 0
        && segment.indexOf(';') < 0
        && !segment.equals(".")
        && !segment.equals("..");
  }

  /** No content type, or one that is not JSON: the body is the SQL. */
  private static boolean plainSql(HttpServletRequest request) {
    String type = single(request.getHeaders("Content-Type"));
    if (type == null) {
      return !request.getHeaders("Content-Type").hasMoreElements();
    }
    if (type.equalsIgnoreCase(TEXT_PLAIN)) {
      return true; // what clients send most: no media type to parse (the parser is a look-up)
    }
    try {
      return !MediaType.valueOf(type).isCompatible(MediaType.APPLICATION_JSON_TYPE);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /** No {@code Accept}, or one plain value that takes {@code application/json}. */
  private static boolean plainAccept(HttpServletRequest request) {
    String accept = single(request.getHeaders("Accept"));
    if (accept == null) {
      return !request.getHeaders("Accept").hasMoreElements();
    }
    return PLAIN_ACCEPT.contains(accept.strip());
  }

  /** The one value of a header; null when it is absent or repeated. */
  private static String single(Enumeration<String> values) {
    if (values == null || !values.hasMoreElements()) {
      return null;
    }
    String value = values.nextElement();
    return values.hasMoreElements() ? null : value;
  }

  /** All values of a header joined by commas, as JAX-RS reads them; null when it is absent. */
  private static String joined(Enumeration<String> values) {
    if (values == null || !values.hasMoreElements()) {
      return null;
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return first;
    }
    StringBuilder all = new StringBuilder(first);
    while (values.hasMoreElements()) {
      all.append(',').append(values.nextElement());
    }
    return all.toString();
  }

  /** CORS as {@link CorsFilter} answers a request that is not a preflight. */
  private void allowOrigin(HttpServletRequest request, HttpServletResponse response) {
    String origin = joined(request.getHeaders("Origin"));
    if (origin != null && CorsFilter.allowed(configuration.cors(), origin)) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.addHeader("Vary", "Origin");
    }
  }
}
