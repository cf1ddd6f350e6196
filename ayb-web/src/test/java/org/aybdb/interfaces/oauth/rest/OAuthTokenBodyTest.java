package org.aybdb.interfaces.oauth.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.aybdb.application.OAuthException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token endpoint's JSON body: every malformed one is the protocol's invalid_request. */
class OAuthTokenBodyTest {

  @Test
  void stringFieldsAreRead() {
    assertEquals(
        Map.of("code", "abc"),
        OAuthTokenResource.json("{\"code\":\"abc\",\"redirect_uri\":null}", 32));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"code\":1e9999999999}",
        "{\"code\":-1e-9999999999}",
        "{\"code\":1.5e-2147483647}",
        "{\"code\":\"a\"} x",
        "{not json"
      })
  void malformedBodiesAreInvalidRequests(String text) {
    OAuthException e = assertThrows(OAuthException.class, () -> OAuthTokenResource.json(text, 32));
    assertEquals("invalid_request", e.error());
    assertEquals(400, e.status());
    assertEquals("The request body is not valid JSON", e.description());
  }

  @Test
  void overlongNumbersAndDeepNestingAreInvalidRequests() {
    for (String text :
        new String[] {
          "{\"code\":" + "1".repeat(1_200) + "}",
          "{\"code\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}"
        }) {
      OAuthException e =
          assertThrows(OAuthException.class, () -> OAuthTokenResource.json(text, 32));
      assertEquals("The request body is not valid JSON", e.description());
    }
  }
}
