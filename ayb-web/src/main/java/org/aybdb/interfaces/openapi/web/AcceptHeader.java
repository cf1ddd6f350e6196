package org.aybdb.interfaces.openapi.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/** Content negotiation on an {@code Accept} header (RFC 9110, section 12.5.1), for a servlet. */
final class AcceptHeader {

  private AcceptHeader() {}

  /** A media range of the header and its weight. */
  private record Range(String type, double quality) {

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
   * The offered type the header prefers (the first offered wins a tie, so a wildcard gets the
   * first), the first offered one without a header, or null when the header accepts none of them.
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
        Range range = range(part);
        if (range != null) {
          ranges.add(range);
        }
      }
    }
    // Stable: among equal weights the header's order stands.
    ranges.sort(Comparator.comparingDouble(Range::quality).reversed());
    for (Range range : ranges) {
      for (String type : offered) {
        if (range.matches(type)) {
          return type;
        }
      }
    }
    return null;
  }

  private static Range range(String part) {
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
    return quality > 0 ? new Range(type, quality) : null;
  }
}
