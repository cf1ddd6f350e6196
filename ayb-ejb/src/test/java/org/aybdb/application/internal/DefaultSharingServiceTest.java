package org.aybdb.application.internal;

import static org.aybdb.application.internal.UseCaseFixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.aybdb.application.AybException;
import org.aybdb.application.DatabaseGrant;
import org.aybdb.application.ErrorType;
import org.aybdb.application.Requested;
import org.aybdb.application.fakes.FakeRateLimits;
import org.aybdb.application.fakes.MetadataStore;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.aybdb.domain.model.permission.EntitySharingLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Sharing a database: ayb's order of refusals, grants set, changed and removed, suggestions. */
class DefaultSharingServiceTest {

  private static final String NO_GRANTEE = "no grantee was sent";

  private final MetadataStore store = new MetadataStore();
  private final DefaultSharingService sharing = new DefaultSharingService();
  private Account ada;
  private Account bob;

  @BeforeEach
  void wire() {
    DefaultAccessPolicy policy = UseCaseFixtures.accessPolicy(store);
    UsernameSuggestionThrottle throttle = new UsernameSuggestionThrottle();
    throttle.configuration = ConfirmationEmailThrottleTest.configuration(3, 5);
    throttle.rateLimits = new FakeRateLimits();
    throttle.configure();
    sharing.accounts = store.accounts;
    sharing.permissions = store.permissions;
    sharing.access = policy;
    sharing.suggestionThrottle = throttle;
    ada = store.account("ada", EntityType.USER);
    bob = store.account("bob", EntityType.USER);
    store.account("carol", EntityType.USER);
    store.databases.store(
        new HostedDatabase(ada, "db.sqlite", DatabaseType.SQLITE, PublicSharingLevel.NO_ACCESS));
  }

  @Test
  void theOwnerGrantsChangesAndRemovesAccess() {
    share(ada, "Bob", "read-only");
    assertEquals(List.of(new DatabaseGrant("bob", "read-only")), grants());
    share(ada, "bob", "manager");
    assertEquals(List.of(new DatabaseGrant("bob", "manager")), grants());
    share(ada, "bob", "no-access");
    assertEquals(List.of(), grants());
  }

  @Test
  void aManagerMayShareToo() {
    share(ada, "bob", "manager");
    share(bob, "carol", "read-write");
    assertEquals(2, grants().size());
  }

  @Test
  void refusalsComeInAybsOrder() {
    // Not discoverable: not found before any value is read.
    AybException hidden = refused(() -> share(bob, null, "nonsense"));
    assertEquals(AybException.Kind.NOT_FOUND, hidden.kind());

    share(ada, "bob", "read-only");
    AybException level = refused(() -> share(bob, null, "x"));
    assertEquals("Unknown value: x", level.getMessage());
    AybException missing = refused(() -> share(bob, null, "read-only"));
    assertEquals(NO_GRANTEE, missing.getMessage());
    AybException nobody = refused(() -> share(bob, "zed", "read-only"));
    assertEquals(ErrorType.RecordNotFound, nobody.type());
    assertEquals("zed", nobody.recordId());
    // The owner's own permission is refused even to a caller who may not manage.
    AybException owner = refused(() -> share(bob, "ada", "read-only"));
    assertEquals(ErrorType.CantSetOwnerPermissions, owner.type());
    assertEquals(AybException.Kind.FORBIDDEN, owner.kind());
    AybException notManager = refused(() -> share(bob, "carol", "read-only"));
    assertEquals(ErrorType.Other, notManager.type());
    assertEquals(
        "Authenticated entity bob can't set permissions for database ada/db.sqlite",
        notManager.getMessage());
  }

  @Test
  void suggestionsNeedTwoCharactersLeaveOutTheOwnerAndAreRateLimited() {
    assertEquals(List.of(), sharing.suggestGrantees(caller(ada), "ada", "db.sqlite", "b"));
    assertEquals(List.of("bob"), sharing.suggestGrantees(caller(ada), "ada", "db.sqlite", "Bo"));
    assertEquals(List.of(), sharing.suggestGrantees(caller(ada), "ada", "db.sqlite", "ad"));
    AybException stranger =
        refused(() -> sharing.suggestGrantees(caller(bob), "ada", "db.sqlite", "ca"));
    assertEquals(AybException.Kind.NOT_FOUND, stranger.kind());
    int allowed = AybConfiguration.Limits.defaults().usernameSuggestionsPerMinute() - 2;
    for (int i = 0; i < allowed; i++) {
      sharing.suggestGrantees(caller(ada), "ada", "db.sqlite", "ca");
    }
    AybException limited =
        refused(() -> sharing.suggestGrantees(caller(ada), "ada", "db.sqlite", "ca"));
    assertEquals(AybException.Kind.RATE_LIMITED, limited.kind());
  }

  /**
   * Shares ada's database as the edge would pass the values: parsed, a bad one refused only when
   * read; a null grantee is a missing one.
   */
  private void share(Account by, String grantee, String level) {
    sharing.share(
        caller(by),
        "ada",
        "db.sqlite",
        grantee == null ? Requested.invalid(NO_GRANTEE) : Requested.of(grantee),
        Requested.parse(level, EntitySharingLevel::fromWord));
  }

  private List<DatabaseGrant> grants() {
    return sharing.permissions(caller(ada), "ada", "db.sqlite");
  }

  private static AybException refused(Executable action) {
    return assertThrows(AybException.class, action);
  }
}
