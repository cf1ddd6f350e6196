package org.aybdb.application.internal;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.domain.model.account.ApiTokenRepository;

/** Writes a token's last-used time in its own transaction, after the request has moved on. */
@Stateless
public class TokenUseRecorder {

  private static final Logger LOG = Logger.getLogger(TokenUseRecorder.class.getName());

  @Inject ApiTokenRepository tokens;

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(String shortToken, LocalDateTime at) {
    try {
      tokens.markUsed(shortToken, at);
    } catch (RuntimeException e) {
      // Only a display detail is lost; the short token is not a secret.
      LOG.log(Level.FINE, "Could not record the use of token " + shortToken, e);
    }
  }
}
