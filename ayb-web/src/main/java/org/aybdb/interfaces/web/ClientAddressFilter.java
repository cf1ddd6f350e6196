package org.aybdb.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aybdb.application.ClientAddress;

/** Tells the application which address each request came from, for per-client rate limits. */
@WebFilter(filterName = "client-address", urlPatterns = "/*")
public class ClientAddressFilter extends HttpFilter {

  @Inject ClientAddress client;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    client.set(request.getRemoteAddr());
    chain.doFilter(request, response);
  }
}
