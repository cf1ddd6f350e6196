package org.aybdb.application.internal;

import static org.aybdb.application.internal.UseCaseFixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.aybdb.application.AuthorizedDatabase;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.ErrorType;
import org.aybdb.application.fakes.MetadataStore;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.aybdb.domain.model.permission.DatabasePermission;
import org.aybdb.domain.model.permission.EntitySharingLevel;
import org.aybdb.domain.model.permission.QueryPermissionLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of the access policy, over an in-memory metadata store. */
class DefaultAccessPolicyTest {

  private final MetadataStore store = new MetadataStore();
  private final DefaultAccessPolicy policy = UseCaseFixtures.accessPolicy(store);
  private Account ada;
  private Account bob;
  private HostedDatabase secret;

  @BeforeEach
  void wire() {
    ada = store.account("ada", EntityType.USER);
    bob = store.account("bob", EntityType.USER);
    secret = database(ada, "secret.sqlite", PublicSharingLevel.NO_ACCESS);
  }

  @Test
  void theOwnerMayDoEverything() {
    AuthorizedDatabase found = policy.manage(caller(ada), "ada", "secret.sqlite", "update");
    assertTrue(found.canManage());
    assertEquals(
        Optional.of(QueryPermissionLevel.READ_WRITE),
        policy.query(Optional.of(caller(ada)), "ada", "secret.sqlite").queryLevel());
  }

  @Test
  void aPrivateDatabaseIsNotFoundForStrangersJustLikeAMissingOne() {
    AybException hidden =
        assertThrows(
            AybException.class,
            () -> policy.discover(Optional.of(caller(bob)), "ada", "secret.sqlite"));
    AybException missing =
        assertThrows(
            AybException.class,
            () -> policy.discover(Optional.of(caller(bob)), "ada", "nothing.sqlite"));
    assertEquals(ErrorType.RecordNotFound, hidden.type());
    assertEquals(AybException.Kind.NOT_FOUND, hidden.kind());
    assertEquals("ada/secret.sqlite", hidden.recordId());
    assertEquals("database", hidden.recordType());
    assertEquals(missing.kind(), hidden.kind());
    assertEquals(missing.type(), hidden.type());
  }

  @Test
  void anAnonymousQueryNeedsATokenWhetherTheDatabaseExistsOrNot() {
    for (String slug : List.of("secret.sqlite", "nothing.sqlite")) {
      AybException refused =
          assertThrows(AybException.class, () -> policy.query(Optional.empty(), "ada", slug));
      assertEquals(ErrorType.Unauthorized, refused.type());
      assertEquals(AybException.Kind.UNAUTHENTICATED, refused.kind());
      assertEquals(DefaultAccessPolicy.TOKEN_NEEDED, refused.getMessage());
    }
  }

  @Test
  void aPublicReadOnlyDatabaseAnswersAnyoneReadOnly() {
    database(ada, "open.sqlite", PublicSharingLevel.READ_ONLY);
    assertEquals(
        Optional.of(QueryPermissionLevel.READ_ONLY),
        policy.query(Optional.empty(), "ada", "open.sqlite").queryLevel());
    assertEquals(
        Optional.of(QueryPermissionLevel.READ_ONLY),
        policy.query(Optional.of(caller(bob)), "ada", "open.sqlite").queryLevel());
  }

  @Test
  void aForkableDatabaseIsDiscoveredButNotQueried() {
    database(ada, "forkable.sqlite", PublicSharingLevel.FORK);
    AuthorizedDatabase found = policy.discover(Optional.of(caller(bob)), "ada", "forkable.sqlite");
    assertTrue(found.queryLevel().isEmpty());
    AybException refused =
        assertThrows(
            AybException.class,
            () -> policy.query(Optional.of(caller(bob)), "ada", "forkable.sqlite"));
    assertEquals(AybException.Kind.FORBIDDEN, refused.kind());
    assertEquals(ErrorType.Other, refused.type());
    assertEquals(
        "Authenticated entity bob can't query database ada/forkable.sqlite", refused.getMessage());
  }

  @Test
  void aReadOnlyGrantQueriesButDoesNotManage() {
    grant(bob, secret, EntitySharingLevel.READ_ONLY);
    assertEquals(
        Optional.of(QueryPermissionLevel.READ_ONLY),
        policy.query(Optional.of(caller(bob)), "ada", "secret.sqlite").queryLevel());
    AybException refused =
        assertThrows(
            AybException.class, () -> policy.manage(caller(bob), "ada", "secret.sqlite", "share"));
    assertEquals(AybException.Kind.FORBIDDEN, refused.kind());
    assertEquals(
        "Authenticated entity bob can't share database ada/secret.sqlite", refused.getMessage());
  }

  @Test
  void aManagerGrantWritesAndManages() {
    grant(bob, secret, EntitySharingLevel.MANAGER);
    assertTrue(policy.manage(caller(bob), "ada", "secret.sqlite", "share").canManage());
    assertEquals(
        Optional.of(QueryPermissionLevel.READ_WRITE),
        policy.query(Optional.of(caller(bob)), "ada", "secret.sqlite").queryLevel());
  }

  @Test
  void theHighestOfGrantAndPublicLevelWins() {
    HostedDatabase open = database(ada, "open.sqlite", PublicSharingLevel.READ_ONLY);
    grant(bob, open, EntitySharingLevel.READ_WRITE);
    assertEquals(
        Optional.of(QueryPermissionLevel.READ_WRITE),
        policy.query(Optional.of(caller(bob)), "ada", "open.sqlite").queryLevel());
  }

  @Test
  void aScopedTokenQueriesOnlyItsDatabaseAtMostAtItsCapAndManagesNothing() {
    HostedDatabase other = database(ada, "other.sqlite", PublicSharingLevel.NO_ACCESS);
    Caller scoped =
        new Caller(
            ada.id(),
            "ada",
            "short",
            Optional.of(secret.id()),
            Optional.of(QueryPermissionLevel.READ_ONLY));
    AuthorizedDatabase own = policy.query(Optional.of(scoped), "ada", "secret.sqlite");
    assertEquals(Optional.of(QueryPermissionLevel.READ_ONLY), own.queryLevel());
    assertFalse(own.canManage());
    assertThrows(AybException.class, () -> policy.manage(scoped, "ada", "secret.sqlite", "update"));
    AybException elsewhere =
        assertThrows(
            AybException.class, () -> policy.query(Optional.of(scoped), "ada", other.slug()));
    assertEquals(AybException.Kind.FORBIDDEN, elsewhere.kind());
  }

  @Test
  void theEntityIsFoundWhateverItsCase() {
    assertEquals(
        secret, policy.discover(Optional.of(caller(ada)), "ADA", "secret.sqlite").database());
    AybException missing =
        assertThrows(
            AybException.class, () -> policy.discover(Optional.of(caller(bob)), "ADA", "x.sqlite"));
    assertEquals("ada/x.sqlite", missing.recordId());
  }

  @Test
  void theEntityPageListsOnlyWhatTheViewerMayDiscover() {
    HostedDatabase forkable = database(ada, "forkable.sqlite", PublicSharingLevel.FORK);
    HostedDatabase shared = database(ada, "shared.sqlite", PublicSharingLevel.NO_ACCESS);
    grant(bob, shared, EntitySharingLevel.READ_ONLY);
    assertEquals(List.of(forkable, shared), policy.discoverable(Optional.of(caller(bob)), ada));
    assertEquals(List.of(forkable), policy.discoverable(Optional.empty(), ada));
    assertEquals(
        List.of(secret, forkable, shared), policy.discoverable(Optional.of(caller(ada)), ada));
  }

  private HostedDatabase database(Account owner, String slug, PublicSharingLevel level) {
    return store.databases.store(new HostedDatabase(owner, slug, DatabaseType.SQLITE, level));
  }

  private void grant(Account grantee, HostedDatabase database, EntitySharingLevel level) {
    store.permissions.store(new DatabasePermission(grantee, database, level));
  }
}
