package org.aybdb.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.oauth.OAuthAuthorizationRequest;
import org.aybdb.domain.model.oauth.OAuthAuthorizationRequestRepository;

/** {@link OAuthAuthorizationRequestRepository} on JPA; callers bring the transaction. */
@ApplicationScoped
public class JpaOAuthAuthorizationRequestRepository implements OAuthAuthorizationRequestRepository {

  @PersistenceContext(unitName = "ayb")
  private EntityManager entityManager;

  @Override
  public void store(OAuthAuthorizationRequest request) {
    entityManager.persist(Objects.requireNonNull(request, "request"));
    entityManager.flush();
  }

  @Override
  public Optional<OAuthAuthorizationRequest> find(String codeHash) {
    return Optional.ofNullable(
        entityManager.find(
            OAuthAuthorizationRequest.class, Objects.requireNonNull(codeHash, "codeHash")));
  }

  @Override
  public boolean markUsed(String codeHash, LocalDateTime at) {
    // One conditional UPDATE: the database serialises concurrent exchanges of the same row.
    int updated =
        entityManager
            .createQuery(
                "UPDATE OAuthAuthorizationRequest r SET r.usedAt = :at"
                    + " WHERE r.code = :code AND r.usedAt IS NULL")
            .setParameter("at", Objects.requireNonNull(at, "at"))
            .setParameter("code", Objects.requireNonNull(codeHash, "codeHash"))
            .executeUpdate();
    return updated == 1;
  }

  @Override
  public int deleteExpired(LocalDateTime now) {
    return entityManager
        .createQuery("DELETE FROM OAuthAuthorizationRequest r WHERE r.expiresAt < :now")
        .setParameter("now", Objects.requireNonNull(now, "now"))
        .executeUpdate();
  }
}
