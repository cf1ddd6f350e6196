package org.aybdb.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;

/** {@link AccountRepository} on JPA; callers bring the transaction. */
@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

  @PersistenceContext(unitName = "ayb")
  private EntityManager entityManager;

  @Override
  public Optional<Account> find(String slug) {
    Objects.requireNonNull(slug, "slug");
    return entityManager
        .createQuery("SELECT a FROM Account a WHERE a.slug = :slug", Account.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Account store(Account account) {
    entityManager.persist(Objects.requireNonNull(account, "account"));
    entityManager.flush();
    return account;
  }
}
