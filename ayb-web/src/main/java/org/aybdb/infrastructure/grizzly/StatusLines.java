package org.aybdb.infrastructure.grizzly;

import java.util.Map;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * Sets a response's status line from its code. Grizzly looks a code up in a boxed-key map on every
 * {@code setStatus(int)} (a few percent of a point query's CPU on the listener) and names the codes
 * it does not know {@code CUSTOM} ({@code 429 CUSTOM}); here each code's status line is made once,
 * with the standard reason phrase for those Grizzly lacks.
 */
final class StatusLines {

  /** Standard reason phrases (RFC 9110, RFC 6585) of codes Grizzly's table leaves out. */
  private static final Map<Integer, String> MISSING =
      Map.of(
          421, "Misdirected Request",
          422, "Unprocessable Content",
          426, "Upgrade Required",
          428, "Precondition Required",
          429, "Too Many Requests",
          431, "Request Header Fields Too Large",
          451, "Unavailable For Legal Reasons",
          511, "Network Authentication Required");

  private static final String UNKNOWN = "CUSTOM";

  private static final HttpStatus[] BY_CODE = new HttpStatus[600];

  static {
    for (int code = 100; code < BY_CODE.length; code++) {
      HttpStatus known = HttpStatus.getHttpStatus(code);
      if (!UNKNOWN.equals(known.getReasonPhrase())) {
        BY_CODE[code] = known;
      } else if (MISSING.containsKey(code)) {
        BY_CODE[code] = HttpStatus.newHttpStatus(code, MISSING.get(code));
      }
    }
  }

  private StatusLines() {}

  /** Sets {@code code} and its reason phrase on {@code response}, unless it is already sent. */
  static void set(Response response, int code) {
    if (!response.isCommitted()) {
      set(response.getResponse(), code);
    }
  }

  /** Sets {@code code} and its reason phrase on a response head an edge filter writes itself. */
  static void set(HttpResponsePacket response, int code) {
    HttpStatus status = of(code);
    if (status != null) {
      status.setValues(response);
    } else {
      response.setStatus(code);
    }
  }

  private static HttpStatus of(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  /** The reason phrase sent with {@code code} (tests). */
  static String reasonPhrase(int code) {
    HttpStatus status = of(code);
    return status == null ? UNKNOWN : status.getReasonPhrase();
  }
}
