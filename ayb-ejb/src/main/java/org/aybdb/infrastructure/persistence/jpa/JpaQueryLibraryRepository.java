package org.aybdb.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.query.QueryLibraryRepository;
import org.aybdb.domain.model.query.QueryRun;
import org.aybdb.domain.model.query.SavedQuery;

/** {@link QueryLibraryRepository} on JPA; callers bring the transaction. */
@ApplicationScoped
public class JpaQueryLibraryRepository implements QueryLibraryRepository {

  @PersistenceContext(unitName = "ayb")
  private EntityManager entityManager;

  @Override
  public void record(QueryRun run, Account runner, HostedDatabase database, int keep) {
    entityManager.persist(Objects.requireNonNull(run, "run"));
    entityManager.flush();
    // Trimmed on every run, so this reads at most one id more than it keeps.
    List<Long> newestFirst =
        entityManager
            .createQuery(
                "SELECT r.id FROM QueryRun r WHERE r.runner = :runner AND r.database = :database"
                    + " ORDER BY r.id DESC",
                Long.class)
            .setParameter("runner", runner)
            .setParameter("database", database)
            .getResultList();
    if (newestFirst.size() > keep) {
      entityManager
          .createQuery("DELETE FROM QueryRun r WHERE r.id IN :ids")
          .setParameter("ids", newestFirst.subList(keep, newestFirst.size()))
          .executeUpdate();
    }
  }

  @Override
  public List<QueryRun> history(Account runner, HostedDatabase database, int max) {
    return entityManager
        .createQuery(
            "SELECT r FROM QueryRun r WHERE r.runner = :runner AND r.database = :database"
                + " ORDER BY r.id DESC",
            QueryRun.class)
        .setParameter("runner", Objects.requireNonNull(runner, "runner"))
        .setParameter("database", Objects.requireNonNull(database, "database"))
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public List<SavedQuery> saved(Account owner, HostedDatabase database) {
    return entityManager
        .createQuery(
            "SELECT q FROM SavedQuery q WHERE q.owner = :owner AND q.database = :database"
                + " ORDER BY q.name",
            SavedQuery.class)
        .setParameter("owner", Objects.requireNonNull(owner, "owner"))
        .setParameter("database", Objects.requireNonNull(database, "database"))
        .getResultList();
  }

  @Override
  public Optional<SavedQuery> savedQuery(Account owner, long id) {
    return entityManager
        .createQuery(
            "SELECT q FROM SavedQuery q WHERE q.owner = :owner AND q.id = :id", SavedQuery.class)
        .setParameter("owner", Objects.requireNonNull(owner, "owner"))
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<SavedQuery> savedQuery(Account owner, HostedDatabase database, String name) {
    return entityManager
        .createQuery(
            "SELECT q FROM SavedQuery q WHERE q.owner = :owner AND q.database = :database"
                + " AND q.name = :name",
            SavedQuery.class)
        .setParameter("owner", Objects.requireNonNull(owner, "owner"))
        .setParameter("database", Objects.requireNonNull(database, "database"))
        .setParameter("name", Objects.requireNonNull(name, "name"))
        .getResultStream()
        .findFirst();
  }

  @Override
  public long savedCount(Account owner) {
    return entityManager
        .createQuery("SELECT COUNT(q) FROM SavedQuery q WHERE q.owner = :owner", Long.class)
        .setParameter("owner", Objects.requireNonNull(owner, "owner"))
        .getSingleResult();
  }

  @Override
  public SavedQuery store(SavedQuery query) {
    entityManager.persist(Objects.requireNonNull(query, "query"));
    entityManager.flush();
    return query;
  }

  @Override
  public void remove(SavedQuery query) {
    entityManager.remove(Objects.requireNonNull(query, "query"));
    entityManager.flush();
  }
}
