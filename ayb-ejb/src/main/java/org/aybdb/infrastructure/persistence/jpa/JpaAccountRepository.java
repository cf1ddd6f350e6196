package org.aybdb.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.account.AuthenticationMethod;
import org.aybdb.domain.model.account.AuthenticationMethodType;

/** {@link AccountRepository} on JPA; callers bring the transaction. */
@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

  @PersistenceContext(unitName = "ayb")
  private EntityManager entityManager;

  @Override
  public Optional<Account> find(String slug) {
    Objects.requireNonNull(slug, "slug");
    return entityManager
        .createNamedQuery(Account.BY_SLUG, Account.class)
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

  @Override
  public List<AuthenticationMethod> authenticationMethods(Account account) {
    Objects.requireNonNull(account, "account");
    return entityManager
        .createQuery(
            "SELECT m FROM AuthenticationMethod m WHERE m.account = :account ORDER BY m.id",
            AuthenticationMethod.class)
        .setParameter("account", account)
        .getResultList();
  }

  @Override
  public Optional<AuthenticationMethod> emailMethod(String emailAddress) {
    Objects.requireNonNull(emailAddress, "emailAddress");
    return entityManager
        .createQuery(
            "SELECT m FROM AuthenticationMethod m"
                + " WHERE m.methodType = :type AND m.emailAddress = :address",
            AuthenticationMethod.class)
        .setParameter("type", AuthenticationMethodType.EMAIL)
        .setParameter("address", emailAddress)
        .getResultStream()
        .findFirst();
  }

  @Override
  public AuthenticationMethod store(AuthenticationMethod method) {
    entityManager.persist(Objects.requireNonNull(method, "method"));
    entityManager.flush();
    return method;
  }

  @Override
  public List<String> slugsStartingWith(String prefix, int max) {
    String escaped =
        Objects.requireNonNull(prefix, "prefix")
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return entityManager
        .createQuery(
            "SELECT a.slug FROM Account a WHERE a.slug LIKE :prefix ESCAPE '\\'"
                + " ORDER BY a.slug",
            String.class)
        .setParameter("prefix", escaped + "%")
        .setMaxResults(max)
        .getResultList();
  }
}
