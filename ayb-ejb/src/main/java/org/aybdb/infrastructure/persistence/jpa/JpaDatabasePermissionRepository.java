package org.aybdb.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.permission.DatabasePermission;
import org.aybdb.domain.model.permission.DatabasePermissionRepository;
import org.aybdb.domain.model.permission.EntitySharingLevel;

/** {@link DatabasePermissionRepository} on JPA; callers bring the transaction. */
@ApplicationScoped
public class JpaDatabasePermissionRepository implements DatabasePermissionRepository {

  @PersistenceContext(unitName = "ayb")
  private EntityManager entityManager;

  @Override
  public Map<Long, EntitySharingLevel> grantsOn(Account owner, Account grantee) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(grantee, "grantee");
    Map<Long, EntitySharingLevel> grants = new HashMap<>();
    entityManager
        .createQuery(
            "SELECT p FROM DatabasePermission p"
                + " WHERE p.grantee = :grantee AND p.database.owner = :owner",
            DatabasePermission.class)
        .setParameter("grantee", grantee)
        .setParameter("owner", owner)
        .getResultList()
        .forEach(grant -> grants.put(grant.database().id(), grant.sharingLevel()));
    return grants;
  }

  @Override
  public Optional<DatabasePermission> find(long granteeId, HostedDatabase database) {
    Objects.requireNonNull(database, "database");
    return entityManager
        .createNamedQuery(DatabasePermission.BY_GRANTEE_AND_DATABASE, DatabasePermission.class)
        .setParameter("granteeId", granteeId)
        .setParameter("databaseId", database.id())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<DatabasePermission> on(HostedDatabase database) {
    Objects.requireNonNull(database, "database");
    return entityManager
        .createQuery(
            "SELECT p FROM DatabasePermission p WHERE p.database = :database"
                + " ORDER BY p.grantee.id",
            DatabasePermission.class)
        .setParameter("database", database)
        .getResultList();
  }

  @Override
  public List<DatabasePermission> heldBy(Account grantee) {
    Objects.requireNonNull(grantee, "grantee");
    return entityManager
        .createQuery(
            "SELECT p FROM DatabasePermission p WHERE p.grantee = :grantee",
            DatabasePermission.class)
        .setParameter("grantee", grantee)
        .getResultList();
  }

  @Override
  public DatabasePermission store(DatabasePermission permission) {
    entityManager.persist(Objects.requireNonNull(permission, "permission"));
    entityManager.flush();
    return permission;
  }

  @Override
  public void remove(DatabasePermission permission) {
    entityManager.remove(Objects.requireNonNull(permission, "permission"));
    entityManager.flush();
  }
}
