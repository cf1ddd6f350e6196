package org.aybdb.interfaces.database.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.QueryPath;
import org.aybdb.application.engine.QueryCursor;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.Slugs;
import org.aybdb.infrastructure.cdi.ContextualInstances;
import org.aybdb.interfaces.rest.ClientAddresses;
import org.aybdb.interfaces.rest.CorsFilter;
import org.aybdb.interfaces.rest.HttpExchange;
import org.aybdb.interfaces.rest.HttpRequestHead;
import org.aybdb.interfaces.rest.RequestMetrics;
import org.aybdb.interfaces.rest.TextBodies;
import org.aybdb.interfaces.rest.auth.CallerContext;
import org.aybdb.interfaces.rest.error.ErrorAnswer;

/**
 * Answers {@code POST /v1/{entity}/{database}/query} with SQL as the body outside JAX-RS: the point
 * query is the request the server answers most, and JAX-RS's per-request work (matching, filters,
 * request-scoped beans, the response's entity providers) cost more than the query itself. On Payara
 * the HTTP listener hands these requests straight here ({@code infrastructure.grizzly}); on other
 * servers a servlet filter does ({@link QueryEndpointFilter}). Either way it answers exactly as
 * {@link DatabaseResource#query} does, in the same order: CORS headers, bearer authentication
 * (401), the body read at most {@code [sandbox] max_sql_bytes} (413) as UTF-8 without NUL (400),
 * then {@link QueryPath#open} (access, empty SQL, admission with 429/503 and {@code Retry-After},
 * the engine), the answer written by {@link QueryAnswer}, the request counted in {@code
 * ayb.http.requests} under the same route label.
 *
 * <p>What it calls must not need a request's container context: from the listener it runs with no
 * CDI request scope, no {@code java:comp} naming context of the web module and no Payara request
 * listeners ({@code QueryRouteIT} and every query IT go through it). The client address is the
 * socket peer, or the {@code X-Forwarded-For} entry {@code [limits] trusted_proxies} allows;
 * Payara's own proxy settings ({@code auth-pass-through}) do not apply here.
 *
 * <p>Only requests whose answer is certain to be that are taken ({@link #route}): any other method
 * or path, a percent-escaped or reserved path segment, a body typed as JSON (parameters, batches),
 * an {@code Accept} other than the plain ones, or more than one {@code Accept} or {@code
 * Content-Type} header are left to JAX-RS, which answers them (and their refusals: 404, 405, 406)
 * as before.
 */
@ApplicationScoped
public class QueryEndpoint {

  /** The route label of these requests in {@code ayb.http.requests}, as JAX-RS names it. */
  static final String ROUTE = "/v1/{entity}/{database}/query";

  /** The label for the entity that is itself named {@code entity}. */
  static final String ENTITY_ROUTE = "/v1/entity/{entity}/query";

  private static final String PREFIX = "/v1/";
  private static final String SUFFIX = "/query";

  /**
   * First segments under {@code /v1/} that other resources own ({@code /v1/tokens}, {@code
   * /v1/oauth/token}): JAX-RS picks those resources for any path below them, so they are left to
   * it. {@code entity} is served here, under its own route label.
   */
  static final Set<String> OTHER_RESOURCES = Set.of("tokens", "oauth");

  private static final String TEXT_PLAIN = "text/plain";

  /** {@code Accept} values whose answer is {@code application/json} without negotiation. */
  private static final Set<String> PLAIN_ACCEPT =
      Set.of("*/*", "application/json", "application/*");

  /**
   * A request this endpoint answers.
   *
   * @param entity the entity named in the path, lower-cased
   * @param database the database named in the path
   * @param label the route label it is counted under
   */
  public record Route(String entity, String database, String label) {}

  @Inject QueryPath queries;
  @Inject AybConfiguration configuration;
  @Inject RequestMetrics metrics;

  @PostConstruct
  void callWithoutProxies() {
    // Both are application-scoped and called on every point query.
    queries = ContextualInstances.of(queries, QueryPath.class);
    metrics = ContextualInstances.of(metrics, RequestMetrics.class);
  }

  /** The route of a request this endpoint answers, from its head alone; null for any other. */
  public Route route(HttpRequestHead head) {
    if (!"POST".equals(head.method())) {
      return null;
    }
    String[] names = names(head.requestUri(), head.contextPath());
    if (names == null || !plainSql(head) || !plainAccept(head)) {
      return null;
    }
    return new Route(names[0], names[1], names[2]);
  }

  /**
   * Answers a request {@link #route} took and counts it.
   *
   * @throws IOException the client went away, or the query failed after the answer's status was
   *     sent: the caller aborts the answer (closes the connection) so that no client takes the
   *     partial body for a whole one
   */
  public void serve(HttpExchange exchange, Route route) throws IOException {
    Objects.requireNonNull(route, "route");
    long started = System.nanoTime();
    try {
      answer(exchange, route.entity(), route.database());
    } finally {
      metrics.record("POST", route.label(), exchange.status(), started);
    }
  }

  private void answer(HttpExchange exchange, String entity, String database) throws IOException {
    allowOrigin(exchange);
    QueryCursor cursor;
    try {
      Caller caller =
          CallerContext.callerOf(queries, joined(exchange.headers("Authorization")), false);
      int maxSqlBytes = configuration.sandbox().maxSqlBytes();
      String sql =
          TextBodies.requireNoNul(TextBodies.readUtf8(exchange.body(), maxSqlBytes, "SQL"));
      cursor =
          queries.open(
              Optional.ofNullable(caller),
              ClientAddresses.of(exchange, configuration),
              entity,
              database,
              sql);
    } catch (AybException e) {
      ErrorAnswer.of(e).send(exchange);
      return;
    } catch (RuntimeException e) {
      ErrorAnswer.unexpected(e).send(exchange);
      return;
    }
    try {
      QueryAnswer.send(cursor, exchange);
    } catch (AybException e) {
      // Failed before anything was sent (the cursor is closed): an ordinary error answer.
      ErrorAnswer.of(e).send(exchange);
    } catch (RuntimeException e) {
      if (exchange.committed()) {
        throw e;
      }
      ErrorAnswer.unexpected(e).send(exchange);
    }
  }

  /**
   * The entity (lower-cased), the database and the route label of {@code
   * /v1/{entity}/{database}/query}; null for any other path, a segment with a percent escape or
   * matrix parameter, or a first segment another resource owns.
   */
  static String[] names(String uri, String contextPath) {
    int start = contextPath.length() + PREFIX.length();
    if (!uri.startsWith(contextPath)
        || !uri.startsWith(PREFIX, start - PREFIX.length())
        || !uri.endsWith(SUFFIX)) {
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
  private static boolean plainSql(HttpRequestHead head) {
    Iterator<String> types = head.headers("Content-Type");
    if (!types.hasNext()) {
      return true;
    }
    String type = types.next();
    if (types.hasNext()) {
      return false;
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
  private static boolean plainAccept(HttpRequestHead head) {
    Iterator<String> accepts = head.headers("Accept");
    if (!accepts.hasNext()) {
      return true;
    }
    String accept = accepts.next();
    return !accepts.hasNext() && PLAIN_ACCEPT.contains(accept.strip());
  }

  /** All values of a header joined by commas, as JAX-RS reads them; null when it is absent. */
  private static String joined(Iterator<String> values) {
    if (!values.hasNext()) {
      return null;
    }
    String first = values.next();
    if (!values.hasNext()) {
      return first;
    }
    StringBuilder all = new StringBuilder(first);
    while (values.hasNext()) {
      all.append(',').append(values.next());
    }
    return all.toString();
  }

  /** CORS as {@link CorsFilter} answers a request that is not a preflight. */
  private void allowOrigin(HttpExchange exchange) {
    String origin = joined(exchange.headers("Origin"));
    if (origin != null && CorsFilter.allowed(configuration.cors(), origin)) {
      exchange.setHeader("Access-Control-Allow-Origin", origin);
      exchange.addHeader("Vary", "Origin");
    }
  }
}
