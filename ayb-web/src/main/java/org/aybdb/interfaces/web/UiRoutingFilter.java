package org.aybdb.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.aybdb.config.AybConfiguration;

/**
 * Sends ayb's page paths to their Faces views (JAX-RS owns {@code /*}, Faces sits under {@link
 * UiRoutes#FACES_PREFIX}) and guards them: a form post from another origin is refused before Faces
 * sees it, the views' own addresses under the prefix are not served directly (only the Faces
 * resources and the JavaScript client there are), and pages carry headers against framing,
 * sniffing, caching and leaking their address to other sites. Everything else, the HTTP API above
 * all, passes untouched. A session any request creates is counted for its client ({@link
 * AnonymousSessions}).
 */
@WebFilter(filterName = "ui-routing", urlPatterns = "/*")
public class UiRoutingFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String RESOURCES = UiRoutes.FACES_PREFIX + "/jakarta.faces.resource/";

  @Inject AybConfiguration configuration;
  @Inject AnonymousSessions sessions;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      route(request, response, chain);
    } finally {
      // Here rather than in a filter of its own: a filter costs every API request a few µs.
      sessions.admitCreatedBy(request);
    }
  }

  private void route(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(UiRoutes.FACES_PREFIX) || path.startsWith(UiRoutes.FACES_PREFIX + "/")) {
      // Only named resources (Faces fails on the bare prefix or an empty resource name) and
      // servlets mapped to an exact path of their own.
      if ((path.startsWith(RESOURCES) && path.length() > RESOURCES.length())
          || servedExactly(request)) {
        chain.doFilter(request, response);
      } else {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
      }
      return;
    }
    if (!reachesTheApi(request)) {
      // A servlet mapped to this very path (e.g. a test runner) keeps it.
      chain.doFilter(request, response);
      return;
    }
    String method = request.getMethod();
    boolean post = method.equals("POST");
    Optional<UiRoutes.Route> route =
        post || method.equals("GET") || method.equals("HEAD")
            ? UiRoutes.route(path)
            : Optional.empty();
    if (route.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (post && !sameOrigin(request)) {
      refuseCrossSite(response);
      return;
    }
    if (request.getCharacterEncoding() == null) {
      // Query parameters (the OAuth request's state, say) are UTF-8, not the servlet's Latin-1.
      request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }
    route.get().attributes().forEach(request::setAttribute);
    request.setAttribute(UiRoutes.FRIENDLY_PATH, path.isEmpty() ? "/" : path);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    // The confirmation link carries a log-in token: no other site may learn it from a Referer.
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cache-Control", "no-store");
    request.getRequestDispatcher(route.get().facesPath()).forward(request, response);
  }

  /** Whether a servlet of its own is mapped to exactly this path (the JavaScript client). */
  static boolean servedExactly(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    return mapping != null && mapping.getMappingMatch() == MappingMatch.EXACT;
  }

  /**
   * Whether the request would reach the catch-all JAX-RS servlet ({@code /*}), not one of its own.
   */
  static boolean reachesTheApi(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null) {
      return true;
    }
    return switch (mapping.getMappingMatch()) {
      case DEFAULT, CONTEXT_ROOT -> true;
      case PATH -> "/*".equals(mapping.getPattern());
      default -> false;
    };
  }

  /**
   * Whether a form post comes from one of this server's own pages. Browsers name the page's origin
   * in {@code Origin} (and Chromium's {@code Sec-Fetch-Site} says whether it is ours); a post from
   * another origin, even a same-site one that SameSite=Lax cookies do not stop, is refused. A post
   * without either header comes from no browser page and has no victim's session to abuse.
   */
  boolean sameOrigin(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      return false;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    origin = origin.toLowerCase(Locale.ROOT);
    String host = request.getHeader("Host");
    if (host != null
        && origin.equals(request.getScheme() + "://" + host.toLowerCase(Locale.ROOT))) {
      return true;
    }
    return configuration.publicUrl().map(UiRoutingFilter::origin).map(origin::equals).orElse(false);
  }

  /** The origin ({@code scheme://host[:port]}) of a URL, lower-cased. */
  static String origin(String url) {
    try {
      URI uri = URI.create(url.strip());
      String origin = uri.getScheme() + "://" + uri.getHost();
      return (uri.getPort() < 0 ? origin : origin + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException | NullPointerException malformed) {
      return "";
    }
  }

  private static void refuseCrossSite(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/plain;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response
        .getOutputStream()
        .write("Refused: this form was sent from another site.\n".getBytes(StandardCharsets.UTF_8));
  }
}
