package org.aybdb.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.ApiToken;
import org.aybdb.domain.model.account.ApiTokenRepository;

/** {@link ApiTokenRepository} on JPA; callers bring the transaction. */
@ApplicationScoped
public class JpaApiTokenRepository implements ApiTokenRepository {

  @PersistenceContext(unitName = "ayb")
  private EntityManager entityManager;

  @Override
  public Optional<ApiToken> find(String shortToken) {
    return Optional.ofNullable(
        entityManager.find(ApiToken.class, Objects.requireNonNull(shortToken, "shortToken")));
  }

  @Override
  public List<ApiToken> unrevoked(Account account) {
    Objects.requireNonNull(account, "account");
    return entityManager
        .createQuery(
            "SELECT t FROM ApiToken t WHERE t.account = :account AND t.revokedAt IS NULL",
            ApiToken.class)
        .setParameter("account", account)
        .getResultList();
  }

  @Override
  public ApiToken store(ApiToken token) {
    entityManager.persist(Objects.requireNonNull(token, "token"));
    entityManager.flush();
    return token;
  }

  @Override
  public void markUsed(String shortToken, java.time.LocalDateTime at) {
    entityManager
        .createQuery("UPDATE ApiToken t SET t.lastUsedAt = :at WHERE t.shortToken = :shortToken")
        .setParameter("at", Objects.requireNonNull(at, "at"))
        .setParameter("shortToken", Objects.requireNonNull(shortToken, "shortToken"))
        .executeUpdate();
  }
}
