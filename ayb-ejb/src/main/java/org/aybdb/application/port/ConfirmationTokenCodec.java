package org.aybdb.application.port;

import java.time.Instant;
import java.util.Objects;
import org.aybdb.domain.model.account.EntityType;

/**
 * The tokens of registration and log-in e-mails: they carry who asked to confirm which address and
 * open only until they expire.
 */
public interface ConfirmationTokenCodec {

  /** Who asked to confirm which address, and as what kind of entity. */
  record Payload(String entity, EntityType entityType, String emailAddress) {
    public Payload {
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(entityType, "entityType");
      Objects.requireNonNull(emailAddress, "emailAddress");
    }
  }

  /**
   * An opened token: its payload, a fingerprint that is the same for every spelling of the token,
   * and the instant after which it no longer opens.
   */
  record Opened(Payload payload, String fingerprint, Instant expiresAt) {}

  /** A token that is malformed, made with another key, expired, or without a valid payload. */
  final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Makes a new token for {@code payload}. */
  String mint(Payload payload);

  /**
   * Checks and opens {@code token}.
   *
   * @throws InvalidTokenException if it does not open
   */
  Opened open(String token) throws InvalidTokenException;
}
