package org.aybdb.infrastructure.email;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The e-mail that registration and log-in send, word for word ayb's: a link to {@code
 * <public_base_url>/confirm/<percent-encoded token>} and the {@code ayb client confirm <token>}
 * command, each on its own line after a TAB.
 */
public final class ConfirmationEmail {

  /** The subject of registration and log-in mails alike. */
  public static final String SUBJECT = "Your login credentials";

  /** From and Reply-To when no SMTP backend names them. */
  public static final String DEFAULT_SENDER = "ayb <noreply@localhost>";

  private ConfirmationEmail() {}

  /** The message to {@code to} carrying {@code token}. */
  public static EmailMessage compose(
      String publicBaseUrl, String from, String replyTo, String to, String token) {
    return new EmailMessage(from, replyTo, to, SUBJECT, body(publicBaseUrl, token));
  }

  /** ayb's body: lines separated by {@code \n}, no trailing newline. */
  static String body(String publicBaseUrl, String token) {
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    Objects.requireNonNull(token, "token");
    return "To complete your registration, visit\n\t"
        + publicBaseUrl
        + "/confirm/"
        + percentEncode(token)
        + "\n\nOr type\n\tayb client confirm "
        + token;
  }

  /**
   * Percent-encodes everything but the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}), as the
   * {@code urlencoding} crate does: a Fernet token's {@code =} padding becomes {@code %3D}.
   */
  static String percentEncode(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.toString();
  }
}
