package org.aybdb.interfaces.database.rest;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aybdb.interfaces.rest.ServletExchange;

/**
 * Hands the requests {@link QueryEndpoint} answers to it from the servlet container, ahead of
 * JAX-RS, and passes every other request on. On Payara such requests reach the endpoint before the
 * servlet container (see {@code infrastructure.grizzly}); this filter serves them on other servers,
 * and on Payara when that route could not be installed.
 */
public class QueryEndpointFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient QueryEndpoint endpoint;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ServletExchange exchange = new ServletExchange(request, response);
    QueryEndpoint.Route route = endpoint.route(exchange);
    if (route == null) {
      chain.doFilter(request, response);
      return;
    }
    // A failure after the answer's status was sent propagates: the container aborts the answer.
    endpoint.serve(exchange, route);
  }
}
