package org.aybdb.infrastructure.grizzly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequestCheckTest {

  private static int status(String method, String path, String query, List<String> hosts) {
    return RequestCheck.check(method, path, query, hosts)
        .map(RequestCheck.Refusal::status)
        .orElse(0);
  }

  private static int status(String path) {
    return status("GET", path, null, List.of("localhost"));
  }

  @Test
  void wellFormedRequestsPass() {
    assertEquals(0, status("/v1/marcua/test.sqlite/query"));
    assertEquals(0, status("/v1/caf%C3%A9"));
    assertEquals(0, status("GET", "/health", "a=%41&b=c+d", List.of("example.org:5433")));
    assertEquals(0, status("GET", "/health", null, List.of("[::1]:80")));
    assertEquals(0, status("GET", "/health", null, List.of("127.0.0.1")));
    assertEquals(0, status("GET", "/metrics", null, List.of("localhost")));
  }

  @Test
  void malformedTargetsAre400() {
    for (String path :
        List.of(
            "/v1/%zz",
            "/v1/%",
            "/v1/%4",
            "/v1/tokens/.",
            "/v1/../x",
            "/v1/%2e%2E/x",
            "/v1/a%2fb",
            "/v1/a%2Fb",
            "/v1/x/%252f%2F",
            "/v1/a%5Cb",
            "/v1/a%00",
            "/v1/%ff",
            "/v1/a b",
            "/v1/a\tb",
            "v1",
            "",
            "/tokens/query/;jsessionid=1/v1")) {
      assertEquals(400, status(path), path);
    }
    assertEquals(400, status("GET", "/health", "x=%zz", List.of("localhost")));
  }

  @Test
  void badHostsAre400() {
    for (List<String> hosts :
        List.of(
            List.<String>of(), List.of(""), List.of("a?b"), List.of("a b"), List.of("a", "b"))) {
      assertEquals(400, status("GET", "/health", null, hosts), hosts.toString());
    }
  }

  @Test
  void methods() {
    assertEquals(501, status("PROPFIND", "/health", null, List.of("x")));
    assertEquals(501, status("CONNECT", "/", null, List.of("x")));
    assertEquals(400, status("G@T", "/health", null, List.of("x")));
    RequestCheck.Refusal trace =
        RequestCheck.check("TRACE", "/health", null, List.of("x")).orElseThrow();
    assertEquals(405, trace.status());
    assertTrue(trace.allow().contains("GET"));
    // Writes to the metrics are refused after the management rule (ManagementEndpointFilter).
    assertEquals(0, status("PATCH", "/metrics", null, List.of("x")));
  }

  /** The host grammar as a regular expression: the scanner must agree with it on every input. */
  private static final Pattern HOST =
      Pattern.compile(
          "(\\[[0-9A-Fa-f:.]+]|([A-Za-z0-9\\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+)(:[0-9]{0,5})?");

  @Test
  void theHostScannerAgreesWithTheGrammar() {
    for (String host :
        List.of(
            "",
            "a",
            "[",
            "[]",
            "[::1]",
            "[::1]:",
            "[::1]:8080",
            "[::1]:123456",
            "[::1]x",
            "%",
            "%4",
            "%41",
            "%4g",
            "a%41b:1",
            ":80",
            "a:",
            "a:99999",
            "a:999999",
            "a:8a",
            "a b",
            "é",
            "example.org:5433",
            "x]:1",
            "a:[1]")) {
      assertEquals(HOST.matcher(host).matches(), RequestCheck.validHost(host), host);
    }
    String alphabet = "aZ09-._~!$&'()*+,;=%:[]fF x/@";
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      char[] host = new char[random.nextInt(9)];
      for (int c = 0; c < host.length; c++) {
        host[c] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String text = new String(host);
      assertEquals(HOST.matcher(text).matches(), RequestCheck.validHost(text), text);
    }
  }
}
