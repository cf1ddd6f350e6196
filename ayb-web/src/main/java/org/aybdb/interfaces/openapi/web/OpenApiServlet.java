package org.aybdb.interfaces.openapi.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.aybdb.infrastructure.json.Jsons;

/**
 * {@code GET /openapi}: the OpenAPI 3.1 document of the HTTP API, for anyone. YAML by default
 * ({@code application/yaml}, RFC 9512); JSON with {@code ?format=json} or when {@code Accept}
 * prefers {@code application/json}; 406 when {@code Accept} allows neither.
 *
 * <p>A servlet mapped to exactly {@code /openapi}, not a JAX-RS resource: Payara adds its own
 * MicroProfile OpenAPI servlet to every web application at {@code /openapi/*}, which beats the
 * API's {@code /*}, and only an exact mapping beats that (even where the server's endpoint is left
 * switched on).
 */
@WebServlet(name = "openapi", urlPatterns = OpenApiServlet.PATH)
public class OpenApiServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PATH = "/openapi";

  static final String YAML = "application/yaml";

  static final String JSON = "application/json";

  @Inject transient OpenApiDocument document;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String format = request.getParameter("format");
    String type;
    if (format == null) {
      type = AcceptHeader.choose(request.getHeaders("Accept"), YAML, JSON);
    } else if (format.equals("json") || format.equals("yaml")) {
      type = format.equals("json") ? JSON : YAML;
    } else {
      refuse(response, 400, "Unknown format: " + format + " (yaml or json)");
      return;
    }
    if (type == null) {
      refuse(response, 406, "This document is served as " + YAML + " or " + JSON);
      return;
    }
    byte[] body = type.equals(JSON) ? document.json() : document.yaml();
    response.setContentType(type);
    response.setHeader("Vary", "Accept");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** ayb's error body, with this servlet's own message (the container's error page has none). */
  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    byte[] body =
        Jsons.createObjectBuilder()
            .add("type", "Other")
            .add("message", message)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
