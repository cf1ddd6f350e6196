package org.aybdb.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.aybdb.application.Caller;
import org.aybdb.application.EntityProfile;
import org.aybdb.application.ProfileService;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.interfaces.rest.BothMetadataStores;
import org.aybdb.interfaces.rest.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metadata table written and read back through JPA inside the deployed application, on the
 * metadata store this run is configured with (SQLite or PostgreSQL), after Flyway made the schema.
 */
@ExtendWith(ArquillianExtension.class)
@BothMetadataStores
class MetadataRoundTripIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.aybWar().addClasses(MetadataFixture.class, Deployments.class);
  }

  @Inject MetadataFixture fixture;

  @Inject ProfileService profiles;

  @Test
  void everyTableRoundTrips() {
    String owner = "rt-" + UUID.randomUUID().toString().substring(0, 8);
    String grantee = owner + "-org";
    fixture.storeGraph(owner, grantee);

    Account stored = fixture.account(owner);
    assertNotNull(stored);
    assertNotNull(stored.id());
    assertEquals(EntityType.USER, stored.entityType());
    assertEquals("Ada Lovelace", stored.displayName());
    assertEquals("Ünïcödé ✓ description", stored.description());
    assertEquals("Analytical Engines", stored.organization());
    assertEquals("London", stored.location());
    assertEquals("[{\"url\":\"https://example.org\",\"verified\":false}]", stored.links());
    assertEquals(EntityType.ORGANIZATION, fixture.account(grantee).entityType());
    assertNull(fixture.account(owner + "-nobody"));

    assertEquals(
        String.join(
            "|",
            owner + "/Data.sqlite",
            "sqlite",
            "fork",
            grantee,
            "manager",
            "Data.sqlite",
            "read-only",
            "An app",
            "true",
            owner + "@example.org",
            "email",
            "verified",
            "read-write",
            "true"),
        fixture.describe(owner));
  }

  @Test
  void slugsAreUniquePerOwner() {
    String owner = "uq-" + UUID.randomUUID().toString().substring(0, 8);
    fixture.storeGraph(owner, owner + "-org");
    EJBException duplicate =
        assertThrows(EJBException.class, () -> fixture.storeDuplicateDatabase(owner));
    assertNotNull(duplicate);
    assertThrows(EJBException.class, () -> fixture.storeGraph(owner, owner + "-other"));
  }

  @Test
  void pagingUsesTheDialectsLimitAndOffset() {
    String owner = "pg-" + UUID.randomUUID().toString().substring(0, 8);
    fixture.storeGraph(owner, owner + "-org");
    fixture.addDatabases(owner, "a.sqlite", "b.sqlite", "c.sqlite", "d.sqlite");
    // Insertion order: Data.sqlite, a, b, c, d.
    assertEquals(List.of("a.sqlite", "b.sqlite"), fixture.databasePage(owner, 1, 2));
    assertEquals(List.of("d.sqlite"), fixture.databasePage(owner, 4, 10));
    assertEquals(List.of("Data.sqlite"), fixture.databasePage(owner, 0, 1));
  }

  @Test
  void historyKeepsTheNewestRunsAndSavedQueriesRoundTrip() {
    String owner = "lib-" + UUID.randomUUID().toString().substring(0, 8);
    fixture.storeGraph(owner, owner + "-org");
    fixture.recordRunsAndSave(owner, 5, 3);
    assertEquals(
        "history [SELECT 5, SELECT 4, SELECT 3], saved [a=SELECT 'a', b=SELECT 'b'], count 2,"
            + " by name SELECT 'a'",
        fixture.describeLibrary(owner));
    fixture.removeSaved(owner, "a");
    assertEquals(
        "history [SELECT 5, SELECT 4, SELECT 3], saved [b=SELECT 'b'], count 1, by name -",
        fixture.describeLibrary(owner));
  }

  @Test
  void entityPagesListTheDatabasesEachCallerMayDiscoverNewestFirst() {
    String owner = "dv-" + UUID.randomUUID().toString().substring(0, 8);
    String viewer = owner + "-viewer";
    String stranger = owner + "-stranger";
    fixture.storeDatabasesToDiscover(owner, viewer);
    fixture.storeGraph(stranger, stranger + "-org");

    EntityProfile own = profiles.profile(owner, Optional.of(caller(owner)));
    assertEquals(List.of("managed", "shared", "public", "forkable", "private"), slugs(own));
    assertTrue(own.canCreateDatabase());
    assertEquals("sqlite", own.databases().get(0).databaseType());

    EntityProfile granted = profiles.profile(owner, Optional.of(caller(viewer)));
    assertEquals(List.of("managed", "shared", "public", "forkable"), slugs(granted));
    assertFalse(granted.canCreateDatabase());

    assertEquals(
        List.of("public", "forkable"),
        slugs(profiles.profile(owner, Optional.of(caller(stranger)))));
    EntityProfile anonymous = profiles.profile(owner, Optional.empty());
    assertEquals(List.of("public", "forkable"), slugs(anonymous));
    assertFalse(anonymous.canCreateDatabase());
  }

  private Caller caller(String slug) {
    return new Caller(
        fixture.account(slug).id(), slug, "short", Optional.empty(), Optional.empty());
  }

  private static List<String> slugs(EntityProfile profile) {
    return profile.databases().stream().map(EntityProfile.DatabaseSummary::slug).toList();
  }
}
