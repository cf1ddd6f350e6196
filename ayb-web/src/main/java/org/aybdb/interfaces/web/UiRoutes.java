package org.aybdb.interfaces.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.aybdb.domain.model.Slugs;

/**
 * Maps ayb's page paths ({@code /}, {@code /register}, {@code /log_in}, {@code /log_out}, {@code
 * /confirm/<token>}, {@code /settings/tokens}, {@code /oauth/authorize}, {@code /<entity>}, {@code
 * /<entity>/<database>}, {@code /<entity>/<database>/<table>}) to Faces views. Paths whose first
 * segment belongs to the server itself ({@code /v1}, {@code /health}, the Faces prefix {@code
 * /static}, ...) are never pages; those names are reserved for entities anyway, except {@code
 * metrics}, {@code openapi}, {@code favicon.ico} and {@code robots.txt}, which the server keeps for
 * itself.
 */
public final class UiRoutes {

  /** Where the Faces servlet is mapped; {@code static} is a reserved entity name. */
  public static final String FACES_PREFIX = "/static";

  /** Request attributes through which a route hands its path parameters to the views. */
  public static final String ENTITY = "ayb.route.entity";

  public static final String DATABASE = "ayb.route.database";
  public static final String TOKEN = "ayb.route.token";

  /** The table of a table view ({@code /<entity>/<database>/<table>}), any name SQLite allows. */
  public static final String TABLE = "ayb.route.table";

  /** The path the browser asked for, which postbacks go back to. */
  public static final String FRIENDLY_PATH = "ayb.route.path";

  private static final Set<String> SYSTEM_SEGMENTS =
      Set.of(
          "v1",
          "health",
          "static",
          "metrics",
          "openapi",
          "oauth",
          "favicon.ico",
          "robots.txt",
          "jakarta.faces.resource");

  private static final Map<String, String> FIXED =
      Map.of(
          "/", "/home.xhtml",
          "/register", "/register.xhtml",
          "/log_in", "/log_in.xhtml",
          "/log_out", "/log_out.xhtml",
          "/settings/tokens", "/tokens.xhtml",
          "/oauth/authorize", "/authorize.xhtml");

  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

  private UiRoutes() {}

  /** A page: its Faces view and the request attributes it reads. */
  public record Route(String viewId, Map<String, String> attributes) {
    public Route {
      Objects.requireNonNull(viewId, "viewId");
      attributes = Map.copyOf(attributes);
    }

    /** Where the Faces servlet serves the view. */
    public String facesPath() {
      return FACES_PREFIX + viewId;
    }
  }

  /**
   * The page for a path (relative to the context root, still percent-encoded), or empty when the
   * path belongs to the HTTP API or to no page.
   */
  public static Optional<Route> route(String rawPath) {
    Objects.requireNonNull(rawPath, "rawPath");
    String path = rawPath.isEmpty() ? "/" : rawPath;
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String fixed = FIXED.get(path);
    if (fixed != null) {
      return Optional.of(new Route(fixed, Map.of()));
    }
    List<String> segments = new ArrayList<>();
    for (String raw : path.substring(1).split("/", -1)) {
      Optional<String> decoded = decode(raw);
      if (decoded.isEmpty() || decoded.get().isEmpty()) {
        return Optional.empty();
      }
      segments.add(decoded.get());
    }
    if (SYSTEM_SEGMENTS.contains(Slugs.lowerCase(segments.get(0)))) {
      return Optional.empty();
    }
    if (segments.size() == 2 && segments.get(0).equals("confirm")) {
      return Optional.of(new Route("/confirm.xhtml", Map.of(TOKEN, segments.get(1))));
    }
    if (!segments.stream().limit(2).allMatch(UiRoutes::isSlug)) {
      return Optional.empty();
    }
    // ayb's pages lower-case both slugs: entities are lower-case, database slugs from the UI too.
    String entity = Slugs.lowerCase(segments.get(0));
    if (segments.size() == 1) {
      return Optional.of(new Route("/entity.xhtml", Map.of(ENTITY, entity)));
    }
    if (segments.size() == 2) {
      return Optional.of(
          new Route(
              "/database.xhtml",
              Map.of(ENTITY, entity, DATABASE, Slugs.lowerCase(segments.get(1)))));
    }
    if (segments.size() == 3) {
      return Optional.of(
          new Route(
              "/database.xhtml",
              Map.of(
                  ENTITY,
                  entity,
                  DATABASE,
                  Slugs.lowerCase(segments.get(1)),
                  TABLE,
                  segments.get(2))));
    }
    return Optional.empty();
  }

  private static boolean isSlug(String segment) {
    return SLUG.matcher(segment).matches() && !segment.equals(".") && !segment.equals("..");
  }

  /** Percent-decodes one path segment ({@code +} stays a plus); empty when malformed. */
  static Optional<String> decode(String segment) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          return Optional.empty();
        }
        int high = Character.digit(segment.charAt(i + 1), 16);
        int low = Character.digit(segment.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return Optional.of(bytes.toString(StandardCharsets.UTF_8));
  }
}
