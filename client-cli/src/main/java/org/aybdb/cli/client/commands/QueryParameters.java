package org.aybdb.cli.client.commands;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.api.Json;

/**
 * The values of {@code ayb client query --param}, turned into the JSON {@code "params"} of a query
 * body. Each value is {@code [NAME=][TYPE:]VALUE}:
 *
 * <ul>
 *   <li>{@code NAME} starts with {@code :}, {@code @} or {@code $} and binds that named parameter
 *       ({@code --param :id=42}); without it the values bind {@code ?} / {@code ?NNN} in order. All
 *       values are named or none.
 *   <li>{@code TYPE} is {@code int}, {@code real}, {@code text}, {@code blob} (the value in base64)
 *       or {@code null} (no value). Without it a value that reads as a whole number ({@code 42},
 *       {@code -7}, no leading zero) is an integer, one that reads as a decimal ({@code 2.5},
 *       {@code 1e3}) a real, anything else text.
 * </ul>
 */
final class QueryParameters {

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern REAL =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private QueryParameters() {}

  /** The JSON {@code "params"} value for {@code values}: an array or an object. */
  static String json(List<String> values) {
    List<String> names = new ArrayList<>();
    List<String> encoded = new ArrayList<>();
    for (String raw : values) {
      String value = raw;
      String name = null;
      int eq = raw.indexOf('=');
      if (!raw.isEmpty() && ":@$".indexOf(raw.charAt(0)) >= 0 && eq > 1) {
        name = raw.substring(0, eq);
        value = raw.substring(eq + 1);
      }
      names.add(name);
      encoded.add(value(value, raw));
    }
    boolean named = names.get(0) != null;
    for (String name : names) {
      if ((name != null) != named) {
        throw usage("--param values are either all named (:name=...) or all positional");
      }
    }
    StringBuilder out = new StringBuilder(named ? "{" : "[");
    for (int i = 0; i < encoded.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      if (named) {
        out.append(Json.quote(names.get(i))).append(':');
      }
      out.append(encoded.get(i));
    }
    return out.append(named ? '}' : ']').toString();
  }

  private static String value(String value, String raw) {
    int colon = value.indexOf(':');
    String type = colon < 0 ? "" : value.substring(0, colon);
    String rest = colon < 0 ? value : value.substring(colon + 1);
    switch (type) {
      case "int":
        if (!INTEGER.matcher(rest).matches()) {
          throw usage("--param " + raw + ": not an integer");
        }
        try {
          return Long.toString(Long.parseLong(rest));
        } catch (NumberFormatException e) {
          throw usage("--param " + raw + ": outside 64-bit integers");
        }
      case "real":
        try {
          double d = Double.parseDouble(rest);
          if (!Double.isFinite(d) || !REAL.matcher(rest).matches()) {
            throw new NumberFormatException();
          }
          return rest.contains(".") || rest.contains("e") || rest.contains("E")
              ? rest
              : rest + ".0";
        } catch (NumberFormatException e) {
          throw usage("--param " + raw + ": not a real number");
        }
      case "text":
        return Json.quote(rest);
      case "blob":
        try {
          Base64.getDecoder().decode(rest);
        } catch (IllegalArgumentException e) {
          throw usage("--param " + raw + ": not base64 (" + e.getMessage() + ")");
        }
        return "{\"base64\":" + Json.quote(rest) + "}";
      case "null":
        if (!rest.isEmpty()) {
          throw usage("--param " + raw + ": null: takes no value");
        }
        return "null";
      default:
        if (INTEGER.matcher(value).matches()) {
          try {
            return Long.toString(Long.parseLong(value));
          } catch (NumberFormatException e) {
            return Json.quote(value);
          }
        }
        if (REAL.matcher(value).matches()) {
          return value;
        }
        return Json.quote(value);
    }
  }

  private static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }
}
