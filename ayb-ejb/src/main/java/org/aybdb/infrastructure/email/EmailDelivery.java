package org.aybdb.infrastructure.email;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.port.MailDelivery;
import org.aybdb.config.AybConfiguration;

/**
 * Sends ayb's confirmation e-mails through every configured backend, SMTP first, then the file, as
 * ayb does: the file is written even when SMTP failed, and any failure fails the whole delivery.
 * From and Reply-To come from {@code [email.smtp]}, else {@value ConfirmationEmail#DEFAULT_SENDER}.
 */
@ApplicationScoped
public class EmailDelivery implements MailDelivery {

  @Inject AybConfiguration configuration;

  private List<EmailSender> senders;
  private String from;
  private String replyTo;
  private String publicBaseUrl;

  public EmailDelivery() {}

  /** Outside a container (tests). */
  EmailDelivery(List<EmailSender> senders, String from, String replyTo, String publicBaseUrl) {
    this.senders = List.copyOf(senders);
    this.from = Objects.requireNonNull(from, "from");
    this.replyTo = Objects.requireNonNull(replyTo, "replyTo");
    this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
  }

  @PostConstruct
  void configure() {
    AybConfiguration.Email email = configuration.email();
    List<EmailSender> configured = new ArrayList<>();
    email.smtp().ifPresent(smtp -> configured.add(new SmtpEmailSender(smtp)));
    email.file().ifPresent(file -> configured.add(new FileEmailSender(file.path())));
    senders = List.copyOf(configured);
    from = email.smtp().map(AybConfiguration.Smtp::from).orElse(ConfirmationEmail.DEFAULT_SENDER);
    replyTo =
        email.smtp().map(AybConfiguration.Smtp::replyTo).orElse(ConfirmationEmail.DEFAULT_SENDER);
    publicBaseUrl = configuration.publicBaseUrl();
  }

  /**
   * Mails {@code token} to {@code address} with ayb's confirmation text.
   *
   * @throws DeliveryException if any backend failed (the others were still tried)
   */
  @Override
  public void sendConfirmation(String address, String token) throws DeliveryException {
    deliver(ConfirmationEmail.compose(publicBaseUrl, from, replyTo, address, token));
  }

  @Override
  public Optional<String> canonicalAddress(String address) {
    return EmailAddresses.canonical(address);
  }

  @Override
  public boolean isValidAddress(String address) {
    return EmailAddresses.isValid(address);
  }

  void deliver(EmailMessage message) throws DeliveryException {
    List<String> failures = new ArrayList<>();
    for (EmailSender sender : senders) {
      try {
        sender.send(message);
      } catch (EmailSendingException e) {
        failures.add(sender.name() + " backend failed: " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new DeliveryException(String.join("; ", failures));
    }
  }
}
