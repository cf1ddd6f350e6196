package org.aybdb.interfaces.openapi.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/** Content negotiation on an {@code Accept} header (RFC 9110, section 12.5.1), for a servlet. */
final class AcceptHeader {

  private AcceptHeader() {}

  /** A media range of the header, its weight and its place in the header. */
  private record Range(String type, double quality, int position) {

    /** Exact types outrank {@code type/*}, which outranks {@code *\/*}. */
    int specificity() {
      return type.equals("*/*") ? 0 : type.endsWith("/*") ? 1 : 2;
    }

    boolean matches(String offered) {
      if (type.equals("*/*")) {
        return true;
      }
      return type.endsWith("/*")
          ? offered.startsWith(type.substring(0, type.length() - 1))
          : type.equals(offered);
    }
  }

  /**
   * The offered type the header prefers, the first offered one without a header, or null when the
   * header accepts none of them. Each offered type takes the weight of the most specific range that
   * matches it (so {@code q=0} on an exact type refuses it even beside {@code *\/*}); among equal
   * weights the range named first in the header wins, and a range that several offered types match
   * (a wildcard) gives the first offered.
   *
   * @param headers every {@code Accept} header of the request
   */
  static String choose(Enumeration<String> headers, String... offered) {
    List<String> values = headers == null ? List.of() : Collections.list(headers);
    if (values.stream().allMatch(String::isBlank)) {
      return offered[0];
    }
    List<Range> ranges = new ArrayList<>();
    for (String header : values) {
      for (String part : header.split(",")) {
        Range range = range(part, ranges.size());
        if (range != null) {
          ranges.add(range);
        }
      }
    }
    String best = null;
    Range bestRange = null;
    for (String type : offered) {
      Range deciding = deciding(ranges, type);
      if (deciding != null
          && deciding.quality() > 0
          && (bestRange == null
              || deciding.quality() > bestRange.quality()
              || (deciding.quality() == bestRange.quality()
                  && deciding.position() < bestRange.position()))) {
        best = type;
        bestRange = deciding;
      }
    }
    return best;
  }

  /** The most specific range matching {@code offered} (the first of equals), or null. */
  private static Range deciding(List<Range> ranges, String offered) {
    Range deciding = null;
    for (Range range : ranges) {
      if (range.matches(offered)
          && (deciding == null || range.specificity() > deciding.specificity())) {
        deciding = range;
      }
    }
    return deciding;
  }

  private static Range range(String part, int position) {
    String[] pieces = part.split(";");
    String type = pieces[0].strip().toLowerCase(Locale.ROOT);
    if (type.isEmpty() || !type.contains("/")) {
      return null;
    }
    double quality = 1;
    for (int i = 1; i < pieces.length; i++) {
      String parameter = pieces[i].strip().toLowerCase(Locale.ROOT);
      if (parameter.startsWith("q=")) {
        try {
          quality = Double.parseDouble(parameter.substring(2));
        } catch (NumberFormatException e) {
          quality = 0;
        }
      }
    }
    return new Range(type, quality, position);
  }
}
