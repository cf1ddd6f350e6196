package org.aybdb.interfaces.database.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.aybdb.application.AybException;
import org.aybdb.application.engine.BoundStatement;
import org.aybdb.application.engine.StatementBatch;
import org.aybdb.interfaces.rest.error.FailureStatus;
import org.junit.jupiter.api.Test;

/** How JSON query bodies become statements and SQLite values. */
class QueryBodiesTest {

  private static StatementBatch parse(String json) {
    JsonObject body = Json.createReader(new StringReader(json)).readObject();
    return QueryBodies.parse(body, false, 1000, 100);
  }

  private static List<Object> values(String params) {
    return parse("{\"query\":\"SELECT 1\",\"params\":" + params + "}")
        .statements()
        .get(0)
        .positional();
  }

  @Test
  void jsonValuesMapToSqliteValues() {
    List<Object> v =
        values(
            "[null, true, false, 9223372036854775807, -9223372036854775808, 2.5, 1e3, 1.0, \"s\"]");
    assertNull(v.get(0));
    assertEquals(1L, v.get(1));
    assertEquals(0L, v.get(2));
    assertEquals(Long.MAX_VALUE, v.get(3), "integers are exact over the whole 64-bit range");
    assertEquals(Long.MIN_VALUE, v.get(4));
    assertEquals(2.5, v.get(5));
    assertEquals(1000.0, v.get(6), "an exponent makes a real");
    assertEquals(1.0, v.get(7), "a fraction makes a real, even .0");
    assertEquals("s", v.get(8));
    assertArrayEquals(new byte[] {0, -1, 1}, (byte[]) values("[{\"base64\":\"AP8B\"}]").get(0));
  }

  @Test
  void numbersAtTheEdgesOfWhatTheParserKeeps() {
    // Exponents that fit an int parse; the value is then a real, a zero or refused, never a
    // failure.
    List<Object> v = values("[-1e-999999999, 0e2147483647, 1e-2147483647]");
    assertEquals(-0.0, v.get(0));
    assertEquals(0.0, v.get(1));
    assertEquals(0.0, v.get(2));
    for (String number : new String[] {"1e999999999", "-1e2147483647", "9".repeat(1_000)}) {
      AybException e = assertThrows(AybException.class, () -> values("[" + number + "]"));
      assertEquals(400, FailureStatus.of(e), number);
    }
  }

  @Test
  void theTwoFormsAndTheirFlags() {
    StatementBatch single = parse("{\"query\":\"SELECT :a\",\"params\":{\"a\":1}}");
    assertFalse(single.atomic());
    BoundStatement s = single.statements().get(0);
    assertEquals(1L, s.named().get("a"));
    StatementBatch batch =
        parse(
            "{\"statements\":[{\"query\":\"SELECT 1\"},{\"query\":\"SELECT ?\",\"params\":[2]}]}");
    assertTrue(batch.atomic());
    assertEquals(2, batch.statements().size());
  }

  @Test
  void mistakesNameWhereTheyAre() {
    AybException e =
        assertThrows(
            AybException.class,
            () ->
                parse(
                    "{\"statements\":[{\"query\":\"SELECT ?\",\"params\":[1, 1.7976931348623157e309]}]}"));
    assertEquals(400, FailureStatus.of(e));
    assertEquals(
        "`statements[0].params[1]` is 1.7976931348623157E+309, too large for a 64-bit real",
        e.errorMessage());
    e = assertThrows(AybException.class, () -> values("[{\"base64\":\"AP8B\",\"x\":1}]"));
    assertTrue(e.errorMessage().startsWith("`params[0]` must be null, a number"), e.errorMessage());
    e = assertThrows(AybException.class, () -> values("{\"\":1}"));
    assertEquals("`params` holds an empty parameter name", e.errorMessage());
    e = assertThrows(AybException.class, () -> parse("{\"statements\":[1]}"));
    assertEquals(
        "statements[0] must be an object {\"query\": ..., \"params\": ...}", e.errorMessage());
    e =
        assertThrows(
            AybException.class,
            () ->
                QueryBodies.parse(
                    Json.createReader(
                            new StringReader("{\"query\":\"SELECT ?, ?\",\"params\":[1,2]}"))
                        .readObject(),
                    false,
                    1,
                    100));
    assertEquals(
        "The body binds 2 parameters; at most 1 are allowed ([http] max_query_params)",
        e.errorMessage());
  }

  /**
   * JSON escapes can spell half a surrogate pair, which is no character: encoded as UTF-8 it would
   * silently turn into {@code ?} — in SQL a parameter marker, in a value other data than was sent.
   */
  @Test
  void loneSurrogatesAreRefusedNotTurnedIntoQuestionMarks() {
    AybException e =
        assertThrows(AybException.class, () -> parse("{\"query\":\"SELECT 1 \\ud800\"}"));
    assertEquals(400, FailureStatus.of(e));
    assertEquals(
        "`query` holds half a UTF-16 surrogate pair (at character 9), which is no character",
        e.errorMessage());
    e = assertThrows(AybException.class, () -> values("[\"a\\udc00\"]"));
    assertEquals(
        "`params[0]` holds half a UTF-16 surrogate pair (at character 1), which is no character",
        e.errorMessage());
    e = assertThrows(AybException.class, () -> values("{\"\\ud800\":1}"));
    assertTrue(
        e.errorMessage().startsWith("`params` holds a parameter name with half"), e.errorMessage());
    assertEquals("\ud83d\ude00", values("[\"\\ud83d\\ude00\"]").get(0), "a whole pair is fine");
  }
}
