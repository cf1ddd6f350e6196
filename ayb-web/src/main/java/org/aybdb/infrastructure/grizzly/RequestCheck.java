package org.aybdb.infrastructure.grizzly;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a request's method, target and {@code Host} are well formed before the servlet
 * container sees them: the container answers some malformed requests (a bad percent-escape, an
 * empty {@code Host}, a trailing dot segment) with an empty {@code 200 OK} without running them,
 * which a client doing a write takes for success.
 */
public final class RequestCheck {

  /** Methods the server implements; any other well-formed one is answered 501. */
  static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

  /** Characters of an RFC 3986 reg-name besides percent escapes. */
  private static final String REG_NAME_MARKS = "-._~!$&'()*+,;=";

  /** Why a request is refused, with the status to answer and the {@code Allow} value (or null). */
  public record Refusal(int status, String message, String allow) {
    public Refusal {
      Objects.requireNonNull(message, "message");
    }
  }

  private RequestCheck() {}

  /**
   * @param method the method as sent
   * @param path the request target's path, still percent-encoded
   * @param query the query string, still percent-encoded, or null
   * @param hosts the values of every {@code Host} header
   * @return the refusal, or empty for a well-formed request
   */
  public static Optional<Refusal> check(
      String method, String path, String query, List<String> hosts) {
    // A method of the allowed set is a well-formed token: the pattern is asked only of the rest.
    if (method == null || !METHODS.contains(method) && !TOKEN.matcher(method).matches()) {
      return bad("The request method is malformed");
    }
    if (method.equals("TRACE")) {
      return Optional.of(new Refusal(405, "Method TRACE is not allowed", ALLOW));
    }
    if (!METHODS.contains(method)) {
      return Optional.of(
          new Refusal(501, "Method " + method + " is not implemented by this server", null));
    }
    Optional<Refusal> target = checkTarget(path, query);
    if (target.isPresent()) {
      return target;
    }
    if (hosts.size() != 1) {
      return bad(hosts.isEmpty() ? "The Host header is missing" : "More than one Host header");
    }
    String host = hosts.get(0).strip();
    if (!validHost(host)) {
      return bad("The Host header is empty or malformed");
    }
    return Optional.empty();
  }

  private static Optional<Refusal> checkTarget(String path, String query) {
    if (path == null || !path.startsWith("/")) {
      return bad("The request target must be a path starting with /");
    }
    if (!visibleAscii(path) || (query != null && !visibleAscii(query))) {
      return bad(
          "The request target contains a space, a control character or a raw non-ASCII byte");
    }
    if (path.indexOf(';') >= 0) {
      // The container would cut the path at the ';' and serve what is left: another resource.
      return bad("The request path contains a ';' (path parameters are not supported)");
    }
    byte[] decoded = percentDecode(path);
    if (decoded == null || (query != null && percentDecode(query) == null)) {
      return bad("The request target has a malformed percent-escape");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(decoded))
              .toString();
    } catch (CharacterCodingException e) {
      return bad("The request path is not UTF-8 once percent-decoded");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return bad("The request path contains a control character or a backslash");
      }
    }
    if (hasEncodedSlash(path)) {
      return bad("The request path contains an encoded slash");
    }
    for (String segment : text.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return bad("The request path contains a dot segment (. or ..)");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code path} holds {@code %2f} or {@code %2F} (no regex: this runs on every request).
   */
  /**
   * Whether {@code host} is an RFC 3986 host (a reg-name, which covers IPv4, or an IP literal in
   * brackets) with an optional port of up to five digits. Scanned by hand: it is asked of every
   * request, and a regular expression cost more than the rest of the check.
   */
  static boolean validHost(String host) {
    int n = host.length();
    int i = 0;
    if (n > 0 && host.charAt(0) == '[') {
      i = 1;
      while (i < n && ipLiteralChar(host.charAt(i))) {
        i++;
      }
      if (i == 1 || i >= n || host.charAt(i) != ']') {
        return false;
      }
      i++;
    } else {
      while (i < n) {
        char c = host.charAt(i);
        if (c == '%') {
          if (i + 2 >= n
              || !HexFormat.isHexDigit(host.charAt(i + 1))
              || !HexFormat.isHexDigit(host.charAt(i + 2))) {
            return false;
          }
          i += 3;
        } else if (asciiLetterOrDigit(c) || REG_NAME_MARKS.indexOf(c) >= 0) {
          i++;
        } else {
          break;
        }
      }
      if (i == 0) {
        return false;
      }
    }
    if (i == n) {
      return true;
    }
    if (host.charAt(i) != ':' || n - i - 1 > 5) {
      return false;
    }
    for (int d = i + 1; d < n; d++) {
      if (host.charAt(d) < '0' || host.charAt(d) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean ipLiteralChar(char c) {
    return HexFormat.isHexDigit(c) || c == ':' || c == '.';
  }

  private static boolean asciiLetterOrDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean hasEncodedSlash(String path) {
    for (int i = path.indexOf('%'); i >= 0 && i + 2 < path.length(); i = path.indexOf('%', i + 1)) {
      if (path.charAt(i + 1) == '2' && (path.charAt(i + 2) | 0x20) == 'f') {
        return true;
      }
    }
    return false;
  }

  private static boolean visibleAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** The bytes {@code s} stands for, or null when a {@code %} is not followed by two hex digits. */
  static byte[] percentDecode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        out.write(c);
        continue;
      }
      if (i + 2 >= s.length()) {
        return null;
      }
      int hi = Character.digit(s.charAt(i + 1), 16);
      int lo = Character.digit(s.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out.write(hi * 16 + lo);
      i += 2;
    }
    return out.toByteArray();
  }

  private static Optional<Refusal> bad(String message) {
    return Optional.of(new Refusal(400, message, null));
  }
}
