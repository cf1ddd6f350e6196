package org.aybdb.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Objects;
import org.aybdb.domain.model.account.UsedConfirmationTokenRepository;

/**
 * {@link UsedConfirmationTokenRepository} on the {@code used_confirmation_token} table. The insert
 * is {@code ON CONFLICT DO NOTHING} (the same SQL on SQLite and PostgreSQL), so of two concurrent
 * confirmations of one token exactly one inserts the row. Expiry is stored as epoch seconds.
 */
@ApplicationScoped
public class JpaUsedConfirmationTokenRepository implements UsedConfirmationTokenRepository {

  @PersistenceContext(unitName = "ayb")
  private EntityManager entityManager;

  @Override
  public boolean markUsed(String fingerprint, Instant expiresAt) {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(expiresAt, "expiresAt");
    int inserted =
        entityManager
            .createNativeQuery(
                "INSERT INTO used_confirmation_token (fingerprint, expires_at) VALUES (?1, ?2)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, fingerprint)
            .setParameter(2, expiresAt.getEpochSecond())
            .executeUpdate();
    return inserted == 1;
  }

  @Override
  public int forgetExpired(Instant now) {
    Objects.requireNonNull(now, "now");
    return entityManager
        .createNativeQuery("DELETE FROM used_confirmation_token WHERE expires_at < ?1")
        .setParameter(1, now.getEpochSecond())
        .executeUpdate();
  }
}
