package org.aybdb.infrastructure.grizzly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.aybdb.interfaces.rest.LoopbackSockets;

/**
 * Sends bytes exactly as given over a plain socket (no client library would send a malformed
 * request) and reads the whole answer until the server closes the connection.
 */
final class RawHttp {

  /** A parsed answer; {@code status} is -1 when the server closed without one. */
  record Answer(int status, Map<String, String> headers, String body, boolean timedOut) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final String host;
  private final int port;

  RawHttp(URL base) {
    this.host = base.getHost();
    this.port = base.getPort();
  }

  Answer send(byte[] request) throws IOException {
    return exchange(new Socket(host, port), request);
  }

  /**
   * Sends {@code request} from a stranger's address ({@link LoopbackSockets#STRANGER}): the
   * server's management addresses (loopback by default) include the 127.0.0.1 the tests otherwise
   * connect from.
   */
  Answer sendFromStranger(String request) throws IOException {
    return exchange(
        LoopbackSockets.connect(LoopbackSockets.STRANGER, port),
        request.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Answer exchange(Socket connected, byte[] request) throws IOException {
    try (Socket socket = connected) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      boolean timedOut = false;
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        timedOut = true;
      } catch (IOException reset) {
        // A reset after the answer still leaves the answer to judge.
      }
      return parse(out.toString(StandardCharsets.ISO_8859_1), timedOut);
    }
  }

  Answer send(String request) throws IOException {
    return send(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Answer parse(String raw, boolean timedOut) {
    int end = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/") || end < 0) {
      return new Answer(-1, Map.of(), raw, timedOut);
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    String body = raw.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(
        status,
        headers,
        new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
        timedOut);
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int eol = body.indexOf("\r\n", at);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(at, eol).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    return out.toString();
  }
}
