package org.aybdb.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.account.ApiToken;
import org.aybdb.domain.model.account.AuthenticationMethod;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.aybdb.domain.model.oauth.OAuthAuthorizationRequest;
import org.aybdb.domain.model.permission.DatabasePermission;
import org.aybdb.domain.model.permission.EntitySharingLevel;
import org.aybdb.domain.model.permission.QueryPermissionLevel;
import org.aybdb.domain.model.query.QueryLibraryRepository;
import org.aybdb.domain.model.query.QueryRun;
import org.aybdb.domain.model.query.SavedQuery;

/** Writes and reads metadata in their own transactions, as the services will. */
@Stateless
public class MetadataFixture {

  @PersistenceContext(unitName = "ayb")
  EntityManager entityManager;

  @Inject AccountRepository accounts;

  @Inject QueryLibraryRepository library;

  /** Stores an owner with a profile, a second entity, and one row of every other table. */
  public void storeGraph(String owner, String grantee) {
    Account first = new Account(owner, EntityType.USER);
    first.setDisplayName("Ada Lovelace");
    first.setDescription("Ünïcödé ✓ description");
    first.setOrganization("Analytical Engines");
    first.setLocation("London");
    first.setLinks("[{\"url\":\"https://example.org\",\"verified\":false}]");
    accounts.store(first);
    Account second = accounts.store(new Account(grantee, EntityType.ORGANIZATION));
    entityManager.persist(new AuthenticationMethod(first, owner + "@example.org"));
    HostedDatabase database =
        new HostedDatabase(first, "Data.sqlite", DatabaseType.SQLITE, PublicSharingLevel.FORK);
    entityManager.persist(database);
    entityManager.persist(new DatabasePermission(second, database, EntitySharingLevel.MANAGER));
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    ApiToken token = new ApiToken(owner + "-short", first, "ab".repeat(32), now);
    token.scopeTo(database, QueryPermissionLevel.READ_ONLY, "An app");
    entityManager.persist(token);
    entityManager.persist(
        new OAuthAuthorizationRequest(
            owner + "-code",
            first,
            database,
            "challenge",
            "http://localhost/callback",
            "An app",
            QueryPermissionLevel.READ_WRITE,
            "state",
            now,
            now.plusMinutes(10)));
  }

  /**
   * Records {@code runs} queries of the owner's database in as many transactions, keeping {@code
   * keep}, and saves two queries named "b" and "a".
   */
  public void recordRunsAndSave(String owner, int runs, int keep) {
    Account runner = accounts.find(owner).orElseThrow();
    HostedDatabase database = databaseOf(owner);
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    for (int i = 1; i <= runs; i++) {
      library.record(
          new QueryRun(runner, database, "SELECT " + i, now.plusSeconds(i)),
          runner,
          database,
          keep);
    }
    library.store(new SavedQuery(runner, database, "b", "SELECT 'b'", now));
    library.store(new SavedQuery(runner, database, "a", "SELECT 'a'", now));
  }

  /** The owner's history (newest first), saved queries (by name) and count, read back. */
  public String describeLibrary(String owner) {
    Account runner = accounts.find(owner).orElseThrow();
    HostedDatabase database = databaseOf(owner);
    return "history "
        + library.history(runner, database, 10).stream().map(QueryRun::sql).toList()
        + ", saved "
        + library.saved(runner, database).stream().map(q -> q.name() + "=" + q.sql()).toList()
        + ", count "
        + library.savedCount(runner)
        + ", by name "
        + library.savedQuery(runner, database, "a").map(SavedQuery::sql).orElse("-");
  }

  /** Removes the owner's saved query named {@code name}. */
  public void removeSaved(String owner, String name) {
    Account runner = accounts.find(owner).orElseThrow();
    library.remove(library.savedQuery(runner, databaseOf(owner), name).orElseThrow());
  }

  private HostedDatabase databaseOf(String owner) {
    return entityManager
        .createQuery(
            "SELECT d FROM HostedDatabase d WHERE d.owner.slug = :owner", HostedDatabase.class)
        .setParameter("owner", owner)
        .getSingleResult();
  }

  public Account account(String slug) {
    return accounts.find(slug).orElse(null);
  }

  public String describe(String owner) {
    HostedDatabase database =
        entityManager
            .createQuery(
                "SELECT d FROM HostedDatabase d WHERE d.owner.slug = :owner", HostedDatabase.class)
            .setParameter("owner", owner)
            .getSingleResult();
    DatabasePermission grant =
        entityManager
            .createQuery(
                "SELECT p FROM DatabasePermission p WHERE p.database = :database",
                DatabasePermission.class)
            .setParameter("database", database)
            .getSingleResult();
    ApiToken token = entityManager.find(ApiToken.class, owner + "-short");
    AuthenticationMethod method =
        entityManager
            .createQuery(
                "SELECT m FROM AuthenticationMethod m WHERE m.account.slug = :owner",
                AuthenticationMethod.class)
            .setParameter("owner", owner)
            .getSingleResult();
    OAuthAuthorizationRequest oauth =
        entityManager.find(OAuthAuthorizationRequest.class, owner + "-code");
    return String.join(
        "|",
        database.path(),
        database.type().word(),
        database.publicSharingLevel().word(),
        grant.grantee().slug(),
        grant.sharingLevel().word(),
        token.scopedDatabase().slug(),
        token.queryPermissionLevel().word(),
        token.appName(),
        String.valueOf(token.createdAt() != null && token.revokedAt() == null),
        method.emailAddress(),
        method.methodType().word(),
        method.status().word(),
        oauth.grantedLevel().word(),
        String.valueOf(oauth.expiresAt().isAfter(token.createdAt())));
  }

  /** Pages through the owner's databases with JPA paging (LIMIT/OFFSET on every platform). */
  public java.util.List<String> databasePage(String owner, int first, int max) {
    return entityManager
        .createQuery(
            "SELECT d.slug FROM HostedDatabase d WHERE d.owner.slug = :owner ORDER BY d.id",
            String.class)
        .setParameter("owner", owner)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public void addDatabases(String owner, String... slugs) {
    Account account = accounts.find(owner).orElseThrow();
    for (String slug : slugs) {
      entityManager.persist(
          new HostedDatabase(account, slug, DatabaseType.SQLITE, PublicSharingLevel.NO_ACCESS));
      // A flush per row: EclipseLink does not keep persist order among new rows at commit.
      entityManager.flush();
    }
  }

  /**
   * An owner with one database per way of being seen, oldest first: {@code private} (no access),
   * {@code forkable} (public fork), {@code public} (public read-only), {@code shared} (read-only
   * grant to {@code viewer}) and {@code managed} (manager grant to {@code viewer}).
   */
  public void storeDatabasesToDiscover(String owner, String viewer) {
    Account account = accounts.store(new Account(owner, EntityType.USER));
    Account grantee = accounts.store(new Account(viewer, EntityType.USER));
    HostedDatabase shared = null;
    HostedDatabase managed = null;
    for (String slug : new String[] {"private", "forkable", "public", "shared", "managed"}) {
      PublicSharingLevel level =
          switch (slug) {
            case "forkable" -> PublicSharingLevel.FORK;
            case "public" -> PublicSharingLevel.READ_ONLY;
            default -> PublicSharingLevel.NO_ACCESS;
          };
      HostedDatabase database = new HostedDatabase(account, slug, DatabaseType.SQLITE, level);
      entityManager.persist(database);
      entityManager.flush();
      shared = slug.equals("shared") ? database : shared;
      managed = slug.equals("managed") ? database : managed;
    }
    entityManager.persist(new DatabasePermission(grantee, shared, EntitySharingLevel.READ_ONLY));
    entityManager.persist(new DatabasePermission(grantee, managed, EntitySharingLevel.MANAGER));
  }

  public void storeDuplicateDatabase(String owner) {
    addDatabases(owner, "Data.sqlite");
    entityManager.flush();
  }
}
