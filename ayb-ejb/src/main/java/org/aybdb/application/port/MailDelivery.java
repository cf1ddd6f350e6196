package org.aybdb.application.port;

import java.util.Optional;

/** Sends confirmation e-mails and knows which texts are e-mail addresses. */
public interface MailDelivery {

  /** A delivery that failed on at least one backend. */
  final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeliveryException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The one spelling of {@code address} that limits and uniqueness are checked against, or empty
   * when it is not a plain address (quoted local parts, literals and the like are refused).
   */
  Optional<String> canonicalAddress(String address);

  /** Whether {@code address} is a single address with a domain and no display name. */
  boolean isValidAddress(String address);

  /**
   * Mails {@code token} to {@code address} with the confirmation text.
   *
   * @throws DeliveryException if any backend failed
   */
  void sendConfirmation(String address, String token) throws DeliveryException;
}
