package org.aybdb.domain.model.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://app.example.org/callback",
        "https://app.example.org:8443/cb?x=1",
        "http://localhost/cb",
        "http://localhost:8000/cb",
        "http://LOCALHOST:8000/cb",
        "http://127.0.0.1:9/callback",
        "http://[::1]:8000/cb"
      })
  void accepted(String uri) {
    assertEquals(uri, RedirectUri.parse(uri).orElseThrow().text());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost.evil.example/cb",
        "http://localhost@evil.example/cb",
        "https://user@app.example.org/cb",
        "http://127.0.0.1.evil.example/",
        "http://127.0.0.2/cb",
        "http://evil.example/cb",
        "https://app.example.org/cb#fragment",
        "https:/app.example.org",
        "javascript:alert(1)",
        "data:text/html,x",
        "ftp://app.example.org/",
        "/relative/cb",
        "https://app example.org/",
        ""
      })
  void refused(String uri) {
    assertTrue(RedirectUri.parse(uri).isEmpty(), uri);
  }

  @org.junit.jupiter.api.Test
  void parametersAreAppendedEncodedAndNullsLeftOut() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("code", "a-b_c");
    parameters.put("state", "x y&z/ä");
    parameters.put("missing", null);
    assertEquals(
        "https://app.example.org/cb?code=a-b_c&state=x+y%26z%2F%C3%A4",
        RedirectUri.parse("https://app.example.org/cb").orElseThrow().with(parameters));
    assertEquals(
        "http://localhost/cb?x=1&code=a-b_c&state=x+y%26z%2F%C3%A4",
        RedirectUri.parse("http://localhost/cb?x=1").orElseThrow().with(parameters));
  }
}
