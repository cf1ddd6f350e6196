package org.aybdb.infrastructure.email;

import java.util.Objects;

/**
 * One plain-text e-mail. {@code from} and {@code replyTo} are mailboxes such as {@code ayb
 * <noreply@localhost>}; {@code to} is a bare address.
 */
public record EmailMessage(String from, String replyTo, String to, String subject, String body) {
  public EmailMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(replyTo, "replyTo");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }

  /** Without the body, which may hold a confirmation token. */
  @Override
  public String toString() {
    return "EmailMessage[from=" + from + ", to=" + to + ", subject=" + subject + "]";
  }
}
