package org.aybdb.infrastructure.resources;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Gzips the UI's text resources (scripts, style sheets, SVG, JSON) for clients that accept it. The
 * Faces resource handler writes into a buffer; the filter then sends the compressed bytes with
 * their own length. Payara Micro's connector compression is not applied to these responses, hence a
 * filter.
 */
@WebFilter(filterName = "gzip-resources", urlPatterns = "/static/jakarta.faces.resource/*")
public class GzipResourceFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Below this, the gzip header and the extra work outweigh the saving. */
  static final int MIN_BYTES = 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.addHeader("Vary", "Accept-Encoding");
    if (!acceptsGzip(request.getHeader("Accept-Encoding"))) {
      chain.doFilter(request, response);
      return;
    }
    BufferedResponse buffered = new BufferedResponse(response);
    chain.doFilter(request, buffered);
    if (response.isCommitted()) {
      // A redirect or an error sent meanwhile: the container has answered already.
      return;
    }
    // A reset (a file download's) dropped the header added above.
    if (response.getHeader("Vary") == null) {
      response.addHeader("Vary", "Accept-Encoding");
    }
    byte[] body = buffered.body();
    if (body.length < MIN_BYTES || !compressible(response.getContentType())) {
      if (body.length > 0 || buffered.lengthSet()) {
        response.setContentLength(body.length);
      }
      response.getOutputStream().write(body);
      return;
    }
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 3 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 8192)) {
      gzip.write(body);
    }
    response.setHeader("Content-Encoding", "gzip");
    response.setContentLength(compressed.size());
    compressed.writeTo(response.getOutputStream());
  }

  /** Whether an {@code Accept-Encoding} value allows gzip (not refused with {@code q=0}). */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] pieces = part.split(";");
      String coding = pieces[0].strip();
      if (!coding.equals("gzip") && !coding.equals("*")) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].strip().replace(" ", "");
        if (parameter.matches("q=0(\\.0{0,3})?")) {
          refused = true;
        }
      }
      if (!refused) {
        return true;
      }
    }
    return false;
  }

  static boolean compressible(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.contains("javascript")
        || type.contains("json")
        || type.contains("svg")
        || type.contains("xml");
  }
}
