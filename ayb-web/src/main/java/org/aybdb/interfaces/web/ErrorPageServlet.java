package org.aybdb.interfaces.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.aybdb.infrastructure.json.Jsons;

/**
 * The container's error page for every status and exception (web.xml): the web UI's own page for
 * page paths, ayb's JSON error body for everything else (the HTTP API), never the container's HTML
 * report and never a stack trace.
 */
@WebServlet(name = "error-page", urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PATH = UiRoutes.FACES_PREFIX + "/ayb-error";

  private static final String PAGE = UiRoutes.FACES_PREFIX + "/error.xhtml";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? "/" : uri.toString().substring(request.getContextPath().length());
    response.setStatus(status);
    if (uiPath(request.getMethod(), path) && !response.isCommitted()) {
      request.getRequestDispatcher(PAGE).forward(request, response);
      return;
    }
    response.resetBuffer();
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    byte[] body =
        Jsons.createObjectBuilder()
            .add("type", "Other")
            .add("message", message(status))
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static boolean uiPath(String method, String path) {
    if (path.equals(UiRoutes.FACES_PREFIX) || path.startsWith(UiRoutes.FACES_PREFIX + "/")) {
      return true;
    }
    boolean pageMethod = method.equals("GET") || method.equals("HEAD") || method.equals("POST");
    return pageMethod && UiRoutes.route(path).isPresent();
  }

  /** A fixed text per status: the container's own detail may name internals. */
  static String message(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 408 -> "Request timeout";
      case 413 -> "Request body too large";
      case 414 -> "Request target too long";
      case 415 -> "Unsupported media type";
      case 501 -> "Not implemented";
      case 503 -> "Service unavailable; try again shortly";
      default ->
          status >= 500 ? "Internal server error (HTTP " + status + ")" : "HTTP status " + status;
    };
  }
}
