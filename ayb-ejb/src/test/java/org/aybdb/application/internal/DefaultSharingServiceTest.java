package org.aybdb.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.DatabaseGrant;
import org.aybdb.application.ErrorType;
import org.aybdb.application.fakes.FakeRateLimits;
import org.aybdb.application.fakes.MetadataStore;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Sharing a database: ayb's order of refusals, grants set, changed and removed, suggestions. */
class DefaultSharingServiceTest {

  private final MetadataStore store = new MetadataStore();
  private final DefaultSharingService sharing = new DefaultSharingService();
  private Account ada;
  private Account bob;

  @BeforeEach
  void wire() {
    DefaultAccessPolicy policy = new DefaultAccessPolicy();
    policy.accounts = store.accounts;
    policy.databases = store.databases;
    policy.permissions = store.permissions;
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
    sharing.share(caller(ada), "ada", "db.sqlite", "Bob", "read-only");
    assertEquals(List.of(new DatabaseGrant("bob", "read-only")), grants());
    sharing.share(caller(ada), "ada", "db.sqlite", "bob", "manager");
    assertEquals(List.of(new DatabaseGrant("bob", "manager")), grants());
    sharing.share(caller(ada), "ada", "db.sqlite", "bob", "no-access");
    assertEquals(List.of(), grants());
  }

  @Test
  void aManagerMayShareToo() {
    sharing.share(caller(ada), "ada", "db.sqlite", "bob", "manager");
    sharing.share(caller(bob), "ada", "db.sqlite", "carol", "read-write");
    assertEquals(2, grants().size());
  }

  @Test
  void refusalsComeInAybsOrder() {
    // Not discoverable: not found before any header is read.
    AybException hidden =
        refused(() -> sharing.share(caller(bob), "ada", "db.sqlite", null, "nonsense"));
    assertEquals(AybException.Kind.NOT_FOUND, hidden.kind());

    sharing.share(caller(ada), "ada", "db.sqlite", "bob", "read-only");
    AybException level = refused(() -> sharing.share(caller(bob), "ada", "db.sqlite", null, "x"));
    assertEquals("Unknown value: x", level.getMessage());
    AybException missing =
        refused(() -> sharing.share(caller(bob), "ada", "db.sqlite", null, "read-only"));
    assertEquals("Missing required `entity-for-permission` header", missing.getMessage());
    AybException nobody =
        refused(() -> sharing.share(caller(bob), "ada", "db.sqlite", "zed", "read-only"));
    assertEquals(ErrorType.RecordNotFound, nobody.type());
    assertEquals("zed", nobody.recordId());
    // The owner's own permission is refused even to a caller who may not manage.
    AybException owner =
        refused(() -> sharing.share(caller(bob), "ada", "db.sqlite", "ada", "read-only"));
    assertEquals(ErrorType.CantSetOwnerPermissions, owner.type());
    assertEquals(AybException.Kind.FORBIDDEN, owner.kind());
    AybException notManager =
        refused(() -> sharing.share(caller(bob), "ada", "db.sqlite", "carol", "read-only"));
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

  private List<DatabaseGrant> grants() {
    return sharing.permissions(caller(ada), "ada", "db.sqlite");
  }

  private static Caller caller(Account account) {
    return new Caller(account.id(), account.slug(), "short", Optional.empty(), Optional.empty());
  }

  private static AybException refused(Executable action) {
    return assertThrows(AybException.class, action);
  }
}
