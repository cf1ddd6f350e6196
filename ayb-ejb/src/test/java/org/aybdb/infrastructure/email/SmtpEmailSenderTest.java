package org.aybdb.infrastructure.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Properties;
import org.aybdb.config.AybConfiguration.Smtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP backend against a real SMTP server (GreenMail) on loopback. */
class SmtpEmailSenderTest {

  private static final String USER = "login@example.org";
  private static final String PASSWORD = "the-smtp-password";

  @RegisterExtension
  static final GreenMailExtension SERVER =
      new GreenMailExtension(
              ServerSetup.dynamicPort(
                  new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.SMTPS}))
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));

  private static final EmailMessage MESSAGE =
      ConfirmationEmail.compose(
          "https://ayb.example.com",
          "Server Sender <server@example.org>",
          "Server Reply <replyto@example.org>",
          "ada@example.org",
          "tok==");

  private static Smtp smtp(int port, String security, String password) {
    return new Smtp(
        "Server Sender <server@example.org>",
        "Server Reply <replyto@example.org>",
        "127.0.0.1",
        port,
        USER,
        password,
        security);
  }

  @Test
  void deliversWithAuthenticationAndAybsHeaders() throws Exception {
    new SmtpEmailSender(smtp(SERVER.getSmtp().getPort(), Smtp.PLAIN, PASSWORD)).send(MESSAGE);
    MimeMessage[] received = SERVER.getReceivedMessages();
    assertEquals(1, received.length);
    assertReceived(received[0]);
  }

  @Test
  void implicitTlsWhenTheCertificateIsTrusted() throws Exception {
    Properties trustTheTestCertificate = new Properties();
    trustTheTestCertificate.setProperty("mail.smtps.ssl.trust", "*");
    trustTheTestCertificate.setProperty("mail.smtps.ssl.checkserveridentity", "false");
    new SmtpEmailSender(
            smtp(SERVER.getSmtps().getPort(), Smtp.TLS, PASSWORD), trustTheTestCertificate)
        .send(MESSAGE);
    assertEquals(1, SERVER.getReceivedMessages().length);
    assertReceived(SERVER.getReceivedMessages()[0]);
  }

  @Test
  void implicitTlsRefusesAnUntrustedCertificate() {
    EmailSendingException e =
        assertThrows(
            EmailSendingException.class,
            () ->
                new SmtpEmailSender(smtp(SERVER.getSmtps().getPort(), Smtp.TLS, PASSWORD))
                    .send(MESSAGE));
    assertTrue(e.getMessage().startsWith("Could not send email: "), e.getMessage());
    assertEquals(0, SERVER.getReceivedMessages().length);
  }

  @Test
  void aWrongPasswordIsAFailureThatDoesNotShowThePassword() {
    EmailSendingException e =
        assertThrows(
            EmailSendingException.class,
            () ->
                new SmtpEmailSender(smtp(SERVER.getSmtp().getPort(), Smtp.PLAIN, "wrong-secret"))
                    .send(MESSAGE));
    assertTrue(e.getMessage().startsWith("Could not send email: "), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-secret"), e.getMessage());
    assertEquals(0, SERVER.getReceivedMessages().length);
  }

  @Test
  void nothingListeningIsAFailure() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    EmailSendingException e =
        assertThrows(
            EmailSendingException.class,
            () -> new SmtpEmailSender(smtp(port, Smtp.PLAIN, PASSWORD)).send(MESSAGE));
    assertTrue(e.getMessage().startsWith("Could not send email: "), e.getMessage());
    assertTrue(e.getMessage().contains(Integer.toString(port)), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void anUnparsableSenderIsAnInvalidAddress() {
    EmailMessage bad =
        new EmailMessage("not an <address", "r@example.org", "a@example.org", "s", "b");
    EmailSendingException e =
        assertThrows(
            EmailSendingException.class,
            () ->
                new SmtpEmailSender(smtp(SERVER.getSmtp().getPort(), Smtp.PLAIN, PASSWORD))
                    .send(bad));
    assertEquals("Invalid email address: not an <address", e.getMessage());
  }

  @Test
  void sessionPropertiesPerSecurityMode() {
    Properties tls = new SmtpEmailSender(smtp(465, Smtp.TLS, PASSWORD)).sessionProperties();
    assertEquals("smtps", tls.getProperty("mail.transport.protocol"));
    assertEquals("465", tls.getProperty("mail.smtps.port"));
    assertEquals("true", tls.getProperty("mail.smtps.auth"));
    assertEquals("true", tls.getProperty("mail.smtps.ssl.checkserveridentity"));
    assertEquals("10000", tls.getProperty("mail.smtps.connectiontimeout"));
    assertEquals("10000", tls.getProperty("mail.smtps.timeout"));
    assertEquals("10000", tls.getProperty("mail.smtps.writetimeout"));

    Properties starttls =
        new SmtpEmailSender(smtp(587, Smtp.STARTTLS, PASSWORD)).sessionProperties();
    assertEquals("smtp", starttls.getProperty("mail.transport.protocol"));
    assertEquals("true", starttls.getProperty("mail.smtp.starttls.enable"));
    assertEquals("true", starttls.getProperty("mail.smtp.starttls.required"));
    assertEquals("true", starttls.getProperty("mail.smtp.ssl.checkserveridentity"));

    Properties plain = new SmtpEmailSender(smtp(25, Smtp.PLAIN, PASSWORD)).sessionProperties();
    assertEquals("smtp", plain.getProperty("mail.transport.protocol"));
    assertNull(plain.getProperty("mail.smtp.starttls.enable"));
    assertEquals("true", plain.getProperty("mail.smtp.auth"));
    assertFalse(plain.toString().contains(PASSWORD), "the password is not a session property");
  }

  private static void assertReceived(MimeMessage message) throws Exception {
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertEquals("server@example.org", from.getAddress());
    assertEquals("Server Sender", from.getPersonal());
    InternetAddress replyTo = (InternetAddress) message.getReplyTo()[0];
    assertEquals("replyto@example.org", replyTo.getAddress());
    assertEquals("Server Reply", replyTo.getPersonal());
    assertEquals("ada@example.org", message.getRecipients(Message.RecipientType.TO)[0].toString());
    assertEquals("Your login credentials", message.getSubject());
    assertTrue(message.getContentType().startsWith("text/plain"), message.getContentType());
    assertEquals(MESSAGE.body(), message.getContent().toString().replace("\r\n", "\n"));
  }
}
