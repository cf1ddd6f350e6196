package org.aybdb.interfaces.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The JavaScript client, from the instance it talks to: {@code /static/ayb.mjs} (ES module), {@code
 * /static/ayb.js} (classic script) and {@code /static/ayb.d.ts} (types). Any origin may load them:
 * an app's module import from another origin needs the CORS header, and the files are public.
 */
@WebServlet(
    name = "client-js",
    urlPatterns = {"/static/ayb.js", "/static/ayb.mjs", "/static/ayb.d.ts"})
public class ClientScriptServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> TYPES =
      Map.of(
          "ayb.js", "text/javascript;charset=UTF-8",
          "ayb.mjs", "text/javascript;charset=UTF-8",
          "ayb.d.ts", "application/typescript;charset=UTF-8");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getServletPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    String type = TYPES.get(name);
    try (InputStream file =
        type == null ? null : ClientScriptServlet.class.getResourceAsStream("/client-js/" + name)) {
      if (file == null) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      response.setContentType(type);
      response.setHeader("Access-Control-Allow-Origin", "*");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Cache-Control", "public, max-age=300");
      file.transferTo(response.getOutputStream());
    }
  }
}
