package org.aybdb.infrastructure.grizzly;

import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.interfaces.database.rest.QueryEndpoint;
import org.aybdb.interfaces.rest.HttpRequestHead;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.utils.DelayedExecutor;

/**
 * Hands the requests the {@link QueryEndpoint} answers to it straight from Payara's HTTP listener,
 * past the servlet container: its valves, request listeners (CDI's request context among them) and
 * filter chain cost a point query about as much again as the endpoint's own work. Sits just before
 * Payara's request handler, after ayb's edge filters, so those apply as to any request.
 *
 * <p>The requests it takes go through a Grizzly {@link HttpServerFilter} of its own (with Payara's
 * settings), which reads bodies, answers {@code Expect: 100-continue}, keeps connections alive and
 * finishes answers as Payara's does; every other request, and every part of one, goes on to Payara.
 * Which way a request goes depends on its head alone (method, path, two headers), so all its parts
 * go the same way. Once the application is undeployed, a copy of the route that HTTP/2 kept passes
 * everything on ({@link Retirement}).
 */
final class QueryRoute extends BaseFilter {

  private static final Logger LOG = Logger.getLogger(QueryRoute.class.getName());

  private final QueryEndpoint endpoint;
  private final String contextPath;
  private final HttpServerFilter server;

  /**
   * @param payara Payara's request handler on the same listener, whose settings this route's own
   *     handler copies
   * @param loader the application's class loader, the context class loader while a query runs
   * @param timers the delay queue of suspended answers' time-outs; this route sets none, so it need
   *     not be started
   */
  QueryRoute(
      QueryEndpoint endpoint,
      String contextPath,
      ClassLoader loader,
      HttpServerFilter payara,
      DelayedExecutor timers) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.contextPath = Objects.requireNonNull(contextPath, "contextPath");
    this.server = new HttpServerFilter(payara.getConfiguration(), timers);
    server.setHttpHandler(new Handler(Objects.requireNonNull(loader, "loader")));
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (ctx.getMessage() instanceof Response) {
      // A request of this route's handler resumed (Grizzly hands a request met on a selector
      // thread to a worker and resumes the context here when it is done): its handler finishes it.
      // Payara's requests are resumed at Payara's own filter, never here.
      return server.handleRead(ctx);
    }
    if (!Retirement.retired()
        && ctx.getMessage() instanceof HttpContent content
        && content.getHttpHeader() instanceof HttpRequestPacket request
        && request.getMethod() == Method.POST // the rest never reach the endpoint's proxy
        && endpoint.route(new Head(request, contextPath)) != null) {
      return server.handleRead(ctx);
    }
    return ctx.getInvokeAction();
  }

  @Override
  public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
    server.handleEvent(ctx, event); // a graceful shutdown waits for this route's requests too
    return ctx.getInvokeAction();
  }

  /** Serves one request the route took. */
  private final class Handler extends HttpHandler {
    private final ClassLoader loader;

    Handler(ClassLoader loader) {
      super("ayb-query");
      this.loader = loader;
    }

    @Override
    public void service(Request request, Response response) {
      GrizzlyExchange exchange = new GrizzlyExchange(request, response, contextPath);
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader); // as the servlet container sets it for its requests
      try {
        // The same decision on the same head as handleRead's, so it is never null here.
        endpoint.serve(exchange, endpoint.route(exchange));
      } catch (IOException | RuntimeException e) {
        // The client went away, or the query failed after the answer's status was sent: close
        // the connection before the answer is finished, so that no client takes the partial body
        // for a whole one (the endpoint answered every earlier failure itself).
        LOG.log(Level.FINE, "Query answer aborted", e);
        request.getContext().getConnection().closeSilently();
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  /** The head of a request as Grizzly's codec parsed it. */
  record Head(HttpRequestPacket request, String contextPath) implements HttpRequestHead {
    Head {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(contextPath, "contextPath");
    }

    @Override
    public String method() {
      return request.getMethod().getMethodString();
    }

    @Override
    public String requestUri() {
      return request.getRequestURI();
    }

    @Override
    public Iterator<String> headers(String name) {
      return request.getHeaders().values(name).iterator();
    }
  }
}
