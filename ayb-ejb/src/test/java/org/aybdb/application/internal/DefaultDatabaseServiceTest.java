package org.aybdb.application.internal;

import static org.aybdb.application.internal.UseCaseFixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.aybdb.application.AybException;
import org.aybdb.application.CreatedDatabase;
import org.aybdb.application.ErrorType;
import org.aybdb.application.Requested;
import org.aybdb.application.fakes.FolderFiles;
import org.aybdb.application.fakes.MetadataStore;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating and updating a database: a value the client sent wrong is refused only after the entity
 * or database it names is found (404 first), and in the order of ayb's checks.
 */
class DefaultDatabaseServiceTest {

  private static final Requested<DatabaseType> SQLITE = Requested.of(DatabaseType.SQLITE);
  private static final Requested<PublicSharingLevel> PRIVATE =
      Requested.of(PublicSharingLevel.NO_ACCESS);

  @TempDir Path data;

  private final MetadataStore store = new MetadataStore();
  private final DefaultDatabaseService service = new DefaultDatabaseService();
  private Account ada;
  private Account bob;

  @BeforeEach
  void wire() {
    DefaultAccessPolicy policy = UseCaseFixtures.accessPolicy(store);
    FolderFiles files = new FolderFiles(data);
    DefaultQuotaService quotas = new DefaultQuotaService();
    quotas.configuration = ConfirmationEmailThrottleTest.configuration(3, 5);
    quotas.accounts = store.accounts;
    quotas.databases = store.databases;
    quotas.files = files;
    service.accounts = store.accounts;
    service.databases = store.databases;
    service.access = policy;
    service.quotas = quotas;
    service.files = files;
    ada = store.account("ada", EntityType.USER);
    bob = store.account("bob", EntityType.USER);
    store.databases.store(
        new HostedDatabase(ada, "db.sqlite", DatabaseType.SQLITE, PublicSharingLevel.NO_ACCESS));
  }

  @Test
  void createRefusesInAybsOrder() {
    Requested<DatabaseType> duckdb = Requested.invalid("Unknown value: duckdb");
    Requested<PublicSharingLevel> everyone = Requested.invalid("Unknown value: everyone");

    AybException slug = refused(() -> create(bob, "nobody", "a b", duckdb, everyone));
    assertEquals(ErrorType.InvalidSlug, slug.type());
    AybException entity = refused(() -> create(bob, "nobody", "new.sqlite", duckdb, everyone));
    assertEquals(ErrorType.RecordNotFound, entity.type());
    assertEquals("nobody", entity.recordId());
    AybException type = refused(() -> create(bob, "ada", "new.sqlite", duckdb, everyone));
    assertEquals("Unknown value: duckdb", type.getMessage());
    assertEquals(AybException.Kind.INVALID_INPUT, type.kind());
    AybException level = refused(() -> create(bob, "ada", "new.sqlite", SQLITE, everyone));
    assertEquals("Unknown value: everyone", level.getMessage());
    AybException other = refused(() -> create(bob, "ada", "new.sqlite", SQLITE, PRIVATE));
    assertEquals(AybException.Kind.FORBIDDEN, other.kind());
    AybException taken = refused(() -> create(ada, "ada", "db.sqlite", SQLITE, PRIVATE));
    assertEquals(AybException.Kind.CONFLICT, taken.kind());
  }

  @Test
  void anAbsentRequiredValueIsRefusedNotFailed() {
    AybException absent =
        refused(() -> create(ada, "ada", "new.sqlite", Requested.absent(), PRIVATE));
    assertEquals(AybException.Kind.INVALID_INPUT, absent.kind());
  }

  @Test
  void createStoresTheParsedValues() {
    CreatedDatabase created =
        create(ada, "ADA", "new.sqlite", SQLITE, Requested.of(PublicSharingLevel.FORK));
    assertEquals(new CreatedDatabase("ada", "new.sqlite", "sqlite"), created);
    HostedDatabase stored = store.databases.find(ada, "new.sqlite").orElseThrow();
    assertEquals(PublicSharingLevel.FORK, stored.publicSharingLevel());
  }

  @Test
  void updateFindsTheDatabaseBeforeReadingTheValue() {
    Requested<PublicSharingLevel> bad = Requested.invalid("Unknown value: public");
    AybException hidden = refused(() -> service.update(caller(bob), "ada", "db.sqlite", bad));
    assertEquals(AybException.Kind.NOT_FOUND, hidden.kind());
    AybException unknown = refused(() -> service.update(caller(ada), "ada", "db.sqlite", bad));
    assertEquals("Unknown value: public", unknown.getMessage());
    AybException empty =
        refused(() -> service.update(caller(ada), "ada", "db.sqlite", Requested.absent()));
    assertEquals(ErrorType.EmptyUpdateError, empty.type());

    service.update(caller(ada), "ada", "db.sqlite", Requested.of(PublicSharingLevel.READ_ONLY));
    HostedDatabase hosted = store.databases.find(ada, "db.sqlite").orElseThrow();
    assertEquals(PublicSharingLevel.READ_ONLY, hosted.publicSharingLevel());
    assertTrue(hosted.forkedFrom().isEmpty());
  }

  private CreatedDatabase create(
      Account by,
      String entity,
      String database,
      Requested<DatabaseType> type,
      Requested<PublicSharingLevel> level) {
    return service.create(caller(by), entity, database, type, level);
  }

  private static AybException refused(Executable action) {
    return assertThrows(AybException.class, action);
  }

  @Test
  void onlyAConstraintViolationReadsAsAnExistingDatabase() {
    assertTrue(
        DefaultDatabaseService.violatesAConstraint(
            new jakarta.persistence.PersistenceException(
                new java.sql.SQLException("duplicate key", "23505"))));
    // sqlite-jdbc reports SQLITE_CONSTRAINT_UNIQUE (2067) with no SQL state.
    assertTrue(
        DefaultDatabaseService.violatesAConstraint(
            new RuntimeException(
                new java.sql.SQLException("UNIQUE constraint failed", null, 2067))));
    // SQLITE_BUSY_SNAPSHOT (517): the store was busy, the database does not exist.
    assertFalse(
        DefaultDatabaseService.violatesAConstraint(
            new jakarta.persistence.PersistenceException(
                new java.sql.SQLException("database is locked", null, 517))));
  }
}
