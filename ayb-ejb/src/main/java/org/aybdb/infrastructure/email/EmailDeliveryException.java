package org.aybdb.infrastructure.email;

/**
 * At least one configured backend failed. The message is ayb's: each failure as {@code <Backend>
 * backend failed: <reason>}, joined with {@code "; "}.
 */
public class EmailDeliveryException extends Exception {

  private static final long serialVersionUID = 1L;

  public EmailDeliveryException(String message) {
    super(message, null, false, false);
  }
}
