package org.aybdb.infrastructure.email;

/** One backend could not deliver a message; the message says why, without any secret. */
public class EmailSendingException extends Exception {

  private static final long serialVersionUID = 1L;

  public EmailSendingException(String message) {
    super(message, null, false, false);
  }
}
