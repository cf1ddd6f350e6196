package org.aybdb.infrastructure.email;

/** One way of delivering e-mail (a backend). */
public interface EmailSender {

  /** The backend's name in failure messages: {@code SMTP} or {@code File}. */
  String name();

  /**
   * Delivers {@code message}.
   *
   * @throws EmailSendingException if it could not, with a reason fit for the caller
   */
  void send(EmailMessage message) throws EmailSendingException;
}
