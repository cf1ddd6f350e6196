package org.aybdb.infrastructure.resources;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gzips the UI's pages (and their Ajax answers and file downloads) like {@link GzipResourceFilter}
 * does its resources: every answer of the Faces servlet, reached directly or forwarded from a page
 * path, except the resources, which that filter compresses already.
 */
@WebFilter(
    filterName = "gzip-pages",
    servletNames = "faces",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class GzipPageFilter extends GzipResourceFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getPathInfo();
    if (path != null && path.startsWith("/jakarta.faces.resource/")) {
      chain.doFilter(request, response);
      return;
    }
    super.doFilter(request, response, chain);
  }
}
