package org.aybdb.cli.client.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error shape of ayb's wire format, and what the CLI shows for it after "Error: ". */
class AybErrorTest {

  private static String display(int status, String body) {
    return AybApi.error(status, body).display();
  }

  @ParameterizedTest
  @CsvSource({
    "Other",
    "ConfigurationError",
    "CantSetOwnerPermissions",
    "EmailError",
    "InvalidSlug",
    "InvalidToken",
    "NoWriteAccessError",
    "RegistrationError",
    "EmptyUpdateError",
    "Unauthorized"
  })
  void messageVariantsShowTheirMessage(String type) {
    assertEquals(
        "it went \"wrong\"",
        display(500, "{\"type\":\"" + type + "\",\"message\":\"it went \\\"wrong\\\"\"}"));
  }

  @ParameterizedTest
  @CsvSource({
    "DurationParseError",
    "QueryError",
    "S3ExecutionError",
    "S3ConnectionError",
    "SnapshotError"
  })
  void otherVariantsShowRustsDebugForm(String type) {
    assertEquals(
        type + " { message: \"bad \\\"x\\\"\\nnext\\tline \\\\ é\" }",
        display(
            500, "{\"type\":\"" + type + "\",\"message\":\"bad \\\"x\\\"\\nnext\\tline \\\\ é\"}"));
  }

  @Test
  void recordNotFoundShowsItsFields() {
    assertEquals(
        "RecordNotFound { id: \"e2e-first/x.sqlite\", record_type: \"database\" }",
        display(
            404,
            "{\"type\":\"RecordNotFound\",\"id\":\"e2e-first/x.sqlite\",\"record_type\":\"database\"}"));
  }

  @Test
  void snapshotDoesNotExistHasNoFields() {
    assertEquals(
        "SnapshotDoesNotExistError", display(500, "{\"type\":\"SnapshotDoesNotExistError\"}"));
  }

  @Test
  void theStatusDoesNotMatterOnlyTheBody() {
    String body = "{\"type\":\"InvalidToken\",\"message\":\"Invalid API token\"}";
    for (int status : new int[] {400, 401, 403, 404, 409, 429, 500, 503}) {
      assertEquals("Invalid API token", display(status, body));
    }
  }

  @Test
  void anUnknownVariantWithAMessageShowsTheMessage() {
    assertEquals(
        "slow down", display(429, "{\"type\":\"TooManyRequests\",\"message\":\"slow down\"}"));
  }

  @Test
  void bodiesThatAreNoAybErrorSayWhatCame() {
    assertEquals(
        "Unable to parse error response: the body is empty, response code: 401 Unauthorized",
        display(401, ""));
    String html = display(502, "<html>\n<body>down</body>\n</html>");
    assertTrue(html.startsWith("Unable to parse error response: "), html);
    assertTrue(
        html.endsWith(" in <html> <body>down</body> </html>, response code: 502 Bad Gateway"),
        html);
  }

  @Test
  void aMessageVariantWithoutMessageIsUnreadable() {
    assertEquals(
        "Unable to parse error response: missing field `message` in {\"type\":\"Other\"},"
            + " response code: 500 Internal Server Error",
        display(500, "{\"type\":\"Other\"}"));
  }

  @Test
  void controlCharactersAreEscapedAsRustDoes() {
    assertEquals("\"a\\u{1b}b\\0\\r\"", RustDebug.string("a\u001bb\0\r"));
  }
}
