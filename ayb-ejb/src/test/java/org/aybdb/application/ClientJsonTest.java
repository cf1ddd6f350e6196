package org.aybdb.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientJsonTest {

  @Test
  void readsAValue() {
    JsonObject object = (JsonObject) ClientJson.read(" {\"a\": [1, \"b\", null]} ", 4);
    assertEquals("[1,\"b\",null]", object.getJsonArray("a").toString());
  }

  @Test
  void keepsExponentsThatFitAnInt() {
    // What the value means is the caller's business (QueryBodies refuses an infinite real).
    JsonNumber number = (JsonNumber) ClientJson.read("[1e999999999]", 4).asJsonArray().get(0);
    assertEquals(Double.POSITIVE_INFINITY, number.doubleValue());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[1e9999999999]",
        "{\"a\":-1e-9999999999}",
        "[1e2147483648]",
        "[1.5e-2147483647]",
        "1e9999999999"
      })
  void exponentsBeyondAnIntAreMalformedJson(String text) {
    JsonException e = assertThrows(JsonException.class, () -> ClientJson.read(text, 4));
    assertEquals(ClientJson.NUMBER_OUT_OF_RANGE, e.getMessage());
  }

  @Test
  void overlongNumbersAreMalformedJson() {
    for (String number : new String[] {"1".repeat(1_200), "0." + "1".repeat(1_200)}) {
      JsonException e =
          assertThrows(JsonException.class, () -> ClientJson.read("[" + number + "]", 4));
      assertEquals(ClientJson.NUMBER_OUT_OF_RANGE, e.getMessage());
    }
  }

  @Test
  void nestingAsDeepAsTheLargestSettingIsMalformedJson() {
    // json_max_depth may be 1000, where the parser's own limit throws a bare RuntimeException.
    String deep = "[".repeat(1_000) + "]".repeat(1_000);
    assertThrows(JsonException.class, () -> ClientJson.read(deep, 1_000));
  }

  @Test
  void theOutlineIsCheckedFirst() {
    assertEquals(
        "JSON nesting is deeper than 2 levels",
        assertThrows(JsonException.class, () -> ClientJson.read("[[[1]]]", 2)).getMessage());
    assertEquals(
        "unexpected content after the JSON value",
        assertThrows(JsonException.class, () -> ClientJson.read("{} x", 2)).getMessage());
    assertThrows(JsonException.class, () -> ClientJson.read("{\"a\":", 2));
  }
}
