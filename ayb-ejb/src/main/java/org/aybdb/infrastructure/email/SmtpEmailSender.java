package org.aybdb.infrastructure.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.aybdb.config.AybConfiguration.Smtp;

/**
 * ayb's SMTP backend through Jakarta Mail: always authenticates with {@code smtp_username} and
 * {@code smtp_password}; {@code security} chooses implicit TLS (ayb's only mode, the default),
 * STARTTLS (required, not opportunistic) or a plain connection for a relay on localhost. Server
 * certificates and host names are checked. Connecting, reading and writing each time out after 10
 * s.
 */
public final class SmtpEmailSender implements EmailSender {

  static final int TIMEOUT_MILLIS = 10_000;

  private final Smtp settings;
  private final Properties extraProperties;

  public SmtpEmailSender(Smtp settings) {
    this(settings, new Properties());
  }

  /** With additional Jakarta Mail session properties (tests: trust a test certificate). */
  SmtpEmailSender(Smtp settings, Properties extraProperties) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.extraProperties = Objects.requireNonNull(extraProperties, "extraProperties");
  }

  @Override
  public String name() {
    return "SMTP";
  }

  @Override
  public void send(EmailMessage message) throws EmailSendingException {
    Session session = Session.getInstance(sessionProperties());
    MimeMessage mime = new MimeMessage(session);
    try {
      mime.setFrom(mailbox(message.from()));
      mime.setReplyTo(new InternetAddress[] {mailbox(message.replyTo())});
      mime.setRecipient(Message.RecipientType.TO, mailbox(message.to()));
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mime.setText(message.body(), StandardCharsets.UTF_8.name());
      mime.setSentDate(new Date());
      mime.saveChanges();
      try (Transport transport = session.getTransport(protocol())) {
        transport.connect(
            settings.smtpHost(),
            settings.smtpPort(),
            settings.smtpUsername(),
            settings.smtpPassword());
        transport.sendMessage(mime, mime.getAllRecipients());
      }
    } catch (AddressException e) {
      throw new EmailSendingException("Invalid email address: " + e.getRef());
    } catch (MessagingException e) {
      throw new EmailSendingException("Could not send email: " + describe(e));
    }
  }

  /** {@code smtps} for implicit TLS, else {@code smtp}. */
  String protocol() {
    return Smtp.TLS.equals(settings.security()) ? "smtps" : "smtp";
  }

  /** The Jakarta Mail session properties of this backend. */
  Properties sessionProperties() {
    String prefix = "mail." + protocol() + ".";
    Properties properties = new Properties();
    properties.setProperty("mail.transport.protocol", protocol());
    properties.setProperty(prefix + "host", settings.smtpHost());
    properties.setProperty(prefix + "port", Integer.toString(settings.smtpPort()));
    properties.setProperty(prefix + "auth", "true");
    properties.setProperty(prefix + "connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
    properties.setProperty(prefix + "timeout", Integer.toString(TIMEOUT_MILLIS));
    properties.setProperty(prefix + "writetimeout", Integer.toString(TIMEOUT_MILLIS));
    switch (settings.security()) {
      case Smtp.TLS -> properties.setProperty(prefix + "ssl.checkserveridentity", "true");
      case Smtp.STARTTLS -> {
        properties.setProperty(prefix + "starttls.enable", "true");
        properties.setProperty(prefix + "starttls.required", "true");
        properties.setProperty(prefix + "ssl.checkserveridentity", "true");
      }
      default -> {
        // plain: nothing to add
      }
    }
    properties.putAll(extraProperties);
    return properties;
  }

  private static InternetAddress mailbox(String text) throws AddressException {
    InternetAddress[] parsed = InternetAddress.parse(text, true);
    if (parsed.length != 1) {
      throw new AddressException("expected exactly one address", text);
    }
    return parsed[0];
  }

  // Jakarta Mail nests the cause (e.g. "Connection refused") behind a generic message.
  private static String describe(MessagingException e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    if (cause != null
        && cause.getMessage() != null
        && !text.toString().contains(cause.getMessage())) {
      text.append(" (").append(cause.getMessage()).append(')');
    }
    return text.toString().replaceAll("\\s+", " ").strip();
  }
}
