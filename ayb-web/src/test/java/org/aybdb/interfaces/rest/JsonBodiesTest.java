package org.aybdb.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.interfaces.rest.error.FailureStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every malformed JSON body is a 400 with ayb's message, never a failure of the server. */
class JsonBodiesTest {

  private static AybException refused(String text) {
    return assertThrows(AybException.class, () -> JsonBodies.parseObject(text, 32));
  }

  @Test
  void readsAnObject() {
    assertEquals(
        "SELECT ?",
        JsonBodies.parseObject("{\"query\":\"SELECT ?\",\"params\":[1]}", 32).getString("query"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"query\":\"SELECT ?\",\"params\":[1e9999999999]}",
        "{\"query\":\"SELECT ?\",\"params\":[-1e-9999999999]}",
        "{\"query\":\"SELECT ?\",\"params\":[1.5e-2147483647]}"
      })
  void numbersThatCannotBeReadAreMalformed(String text) {
    AybException e = refused(text);
    assertEquals(400, FailureStatus.of(e));
    assertEquals(ErrorType.Other, e.type());
    assertEquals(
        "Malformed request body: a number has too many digits or too large an exponent",
        e.errorMessage());
  }

  @Test
  void overlongNumbersAreMalformed() {
    AybException e = refused("{\"query\":\"SELECT ?\",\"params\":[" + "7".repeat(1_200) + "]}");
    assertEquals(400, FailureStatus.of(e));
    assertEquals(
        "Malformed request body: a number has too many digits or too large an exponent",
        e.errorMessage());
  }

  @Test
  void otherMistakesKeepTheirMessages() {
    assertEquals(
        "Malformed request body: JSON nesting is deeper than 32 levels",
        refused("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}").errorMessage());
    assertEquals("Malformed request body: expected a JSON object", refused("[1]").errorMessage());
    assertEquals(400, FailureStatus.of(refused("{\"query\":")));
  }
}
