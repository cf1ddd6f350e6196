package org.aybdb.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.HostedDatabaseRepository;

/** {@link HostedDatabaseRepository} on JPA; callers bring the transaction. */
@ApplicationScoped
public class JpaHostedDatabaseRepository implements HostedDatabaseRepository {

  @PersistenceContext(unitName = "ayb")
  private EntityManager entityManager;

  @Override
  public List<HostedDatabase> ownedBy(Account owner) {
    Objects.requireNonNull(owner, "owner");
    return entityManager
        .createQuery(
            "SELECT d FROM HostedDatabase d WHERE d.owner = :owner ORDER BY d.id DESC",
            HostedDatabase.class)
        .setParameter("owner", owner)
        .getResultList();
  }

  @Override
  public List<HostedDatabase> all() {
    return entityManager
        .createQuery(
            "SELECT d FROM HostedDatabase d JOIN FETCH d.owner ORDER BY d.id", HostedDatabase.class)
        .getResultList();
  }

  @Override
  public Optional<HostedDatabase> find(Account owner, String slug) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(slug, "slug");
    return entityManager
        .createQuery(
            "SELECT d FROM HostedDatabase d WHERE d.owner = :owner AND d.slug = :slug",
            HostedDatabase.class)
        .setParameter("owner", owner)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public HostedDatabase store(HostedDatabase database) {
    entityManager.persist(Objects.requireNonNull(database, "database"));
    entityManager.flush();
    return database;
  }
}
