package org.aybdb.application;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * An OAuth 2.0 refusal in the protocol's own terms: an {@code error} code ({@code invalid_request},
 * {@code invalid_grant}, {@code access_denied}, ...) with a human-readable description, and the
 * HTTP status that fits it (400 for every client mistake).
 */
@ApplicationException(rollback = true)
public class OAuthException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String error;
  private final int status;

  public OAuthException(String error, String description) {
    this(error, description, 400);
  }

  public OAuthException(String error, String description, int status) {
    super(Objects.requireNonNull(description, "description"), null, false, false);
    this.error = Objects.requireNonNull(error, "error");
    this.status = status;
  }

  public String error() {
    return error;
  }

  public String description() {
    return getMessage();
  }

  public int status() {
    return status;
  }
}
