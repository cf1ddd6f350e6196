package org.aybdb.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.aybdb.application.ClientAddress;

/**
 * Tells the application which address each request came from, for per-client rate limits, and
 * counts the web UI sessions each address creates ({@link AnonymousSessions}).
 */
// FORWARD too: the UI routing filter forwards page requests without passing them down its chain.
@WebFilter(
    filterName = "client-address",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class ClientAddressFilter extends HttpFilter {

  @Inject ClientAddress client;
  @Inject AnonymousSessions sessions;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String previous = client.enter(request.getRemoteAddr());
    try {
      chain.doFilter(request, response);
    } finally {
      try {
        HttpSession session = request.getSession(false);
        if (session != null) {
          try {
            if (session.isNew()) {
              sessions.admit(client.key(), session);
            }
          } catch (IllegalStateException invalidated) {
            // Logged out during the request.
          }
        }
      } finally {
        client.leave(previous);
      }
    }
  }
}
