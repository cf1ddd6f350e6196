package org.aybdb.infrastructure.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfirmationEmailTest {

  private static final String TOKEN = "gAAAAABm_abc-123==";

  @Test
  void theBodyIsAybsWordForWordWithTheLocalUrl() {
    assertEquals(
        "To complete your registration, visit\n"
            + "\thttp://localhost:5433/confirm/gAAAAABm_abc-123%3D%3D\n"
            + "\n"
            + "Or type\n"
            + "\tayb client confirm gAAAAABm_abc-123==",
        ConfirmationEmail.body("http://localhost:5433", TOKEN));
  }

  @Test
  void theLinkUsesThePublicUrl() {
    assertEquals(
        "To complete your registration, visit\n"
            + "\thttps://ayb.example.com/confirm/gAAAAABm_abc-123%3D%3D\n"
            + "\n"
            + "Or type\n"
            + "\tayb client confirm gAAAAABm_abc-123==",
        ConfirmationEmail.body("https://ayb.example.com", TOKEN));
  }

  @Test
  void composesTheWholeMessage() {
    EmailMessage message =
        ConfirmationEmail.compose(
            "http://localhost:5433",
            "A <a@example.org>",
            "B <b@example.org>",
            "c@example.org",
            "t");
    assertEquals("A <a@example.org>", message.from());
    assertEquals("B <b@example.org>", message.replyTo());
    assertEquals("c@example.org", message.to());
    assertEquals("Your login credentials", message.subject());
    assertEquals(ConfirmationEmail.body("http://localhost:5433", "t"), message.body());
    assertEquals(false, message.toString().contains("confirm"), "no token in toString");
  }

  @Test
  void percentEncodesAllButUnreservedCharacters() {
    assertEquals("AZaz09-._~", ConfirmationEmail.percentEncode("AZaz09-._~"));
    assertEquals("%3D%2B%2F%20%25%C3%BC", ConfirmationEmail.percentEncode("=+/ %ü"));
  }
}
