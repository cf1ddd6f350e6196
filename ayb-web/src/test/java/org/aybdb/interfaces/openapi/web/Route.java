package org.aybdb.interfaces.openapi.web;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP method and a path template ({@code /v1/{entity}/{database}/query}), compared by shape:
 * the names of path parameters do not matter.
 */
record Route(String method, List<String> segments) {

  /** What stands for any path parameter in {@link #segments}. */
  static final String PARAMETER = "{}";

  Route {
    Objects.requireNonNull(method, "method");
    segments = List.copyOf(segments);
  }

  /** {@code template} may be written with or without slashes at either end, or a regex. */
  static Route of(String method, String template) {
    List<String> segments =
        Arrays.stream(template.split("/"))
            .filter(segment -> !segment.isEmpty())
            .map(segment -> segment.startsWith("{") ? PARAMETER : segment)
            .toList();
    return new Route(method.toUpperCase(java.util.Locale.ROOT), segments);
  }

  /**
   * Whether this documented route describes {@code served}: the same method and, segment by
   * segment, a parameter here or the same literal (a parameter describes a literal: {@code
   * /v1/{entity}/{database}/details} describes {@code /v1/entity/{database}/details}, the routes of
   * an entity named {@code entity}).
   */
  boolean describes(Route served) {
    if (!method.equals(served.method) || segments.size() != served.segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      String documented = segments.get(i);
      if (!documented.equals(PARAMETER) && !documented.equals(served.segments.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The path with {@code x} for every parameter: a request that reaches this route. */
  String samplePath() {
    return "/"
        + String.join("/", segments.stream().map(s -> s.equals(PARAMETER) ? "x" : s).toList());
  }

  @Override
  public String toString() {
    return method + " /" + String.join("/", segments);
  }
}
