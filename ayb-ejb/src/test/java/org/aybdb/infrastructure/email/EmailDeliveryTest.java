package org.aybdb.infrastructure.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.aybdb.application.port.MailDelivery;
import org.junit.jupiter.api.Test;

class EmailDeliveryTest {

  /** Records what it was given; fails with {@code failure} when that is set. */
  static final class FakeSender implements EmailSender {
    private final String name;
    private final String failure;
    final List<EmailMessage> sent = new ArrayList<>();

    FakeSender(String name, String failure) {
      this.name = name;
      this.failure = failure;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void send(EmailMessage message) throws EmailSendingException {
      sent.add(message);
      if (failure != null) {
        throw new EmailSendingException(failure);
      }
    }
  }

  @Test
  void everyBackendGetsTheConfirmationMessage() throws Exception {
    FakeSender smtp = new FakeSender("SMTP", null);
    FakeSender file = new FakeSender("File", null);
    new EmailDelivery(List.of(smtp, file), "F <f@x.org>", "R <r@x.org>", "https://ayb.example.com")
        .sendConfirmation("ada@example.org", "tok");
    EmailMessage expected =
        ConfirmationEmail.compose(
            "https://ayb.example.com", "F <f@x.org>", "R <r@x.org>", "ada@example.org", "tok");
    assertEquals(List.of(expected), smtp.sent);
    assertEquals(List.of(expected), file.sent);
  }

  @Test
  void theFileIsStillWrittenWhenSmtpFailsAndTheFailureIsReported() {
    FakeSender smtp = new FakeSender("SMTP", "Could not send email: Connection refused");
    FakeSender file = new FakeSender("File", null);
    EmailDelivery delivery = new EmailDelivery(List.of(smtp, file), "f", "r", "http://x");
    MailDelivery.DeliveryException e =
        assertThrows(
            MailDelivery.DeliveryException.class, () -> delivery.sendConfirmation("a@b.org", "t"));
    assertEquals("SMTP backend failed: Could not send email: Connection refused", e.getMessage());
    assertEquals(1, file.sent.size());
  }

  @Test
  void allFailuresAreJoined() {
    EmailDelivery delivery =
        new EmailDelivery(
            List.of(new FakeSender("SMTP", "one"), new FakeSender("File", "two")),
            "f",
            "r",
            "http://x");
    MailDelivery.DeliveryException e =
        assertThrows(
            MailDelivery.DeliveryException.class, () -> delivery.sendConfirmation("a@b.org", "t"));
    assertEquals("SMTP backend failed: one; File backend failed: two", e.getMessage());
  }
}
