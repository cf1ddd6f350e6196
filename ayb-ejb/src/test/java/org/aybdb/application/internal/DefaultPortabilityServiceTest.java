package org.aybdb.application.internal;

import static org.aybdb.application.internal.UseCaseFixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.ForkTarget;
import org.aybdb.application.Requested;
import org.aybdb.application.fakes.MetadataStore;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Fork's refusals, in ayb's order: the source first (404), then the target the client named. */
class DefaultPortabilityServiceTest {

  private final MetadataStore store = new MetadataStore();
  private final DefaultPortabilityService service = new DefaultPortabilityService();
  private Account ada;
  private Account bob;

  @BeforeEach
  void wire() {
    DefaultAccessPolicy policy = UseCaseFixtures.accessPolicy(store);
    service.access = policy;
    service.accounts = store.accounts;
    service.databases = store.databases;
    ada = store.account("ada", EntityType.USER);
    bob = store.account("bob", EntityType.USER);
    store.databases.store(
        new HostedDatabase(ada, "secret", DatabaseType.SQLITE, PublicSharingLevel.NO_ACCESS));
    store.databases.store(
        new HostedDatabase(ada, "open", DatabaseType.SQLITE, PublicSharingLevel.FORK));
    store.databases.store(
        new HostedDatabase(bob, "taken", DatabaseType.SQLITE, PublicSharingLevel.NO_ACCESS));
  }

  @Test
  void forkRefusesInAybsOrder() {
    Requested<ForkTarget> malformed = Requested.invalid("malformed target");
    AybException hidden = refused(() -> fork("secret", malformed));
    assertEquals(AybException.Kind.NOT_FOUND, hidden.kind());
    AybException target = refused(() -> fork("open", malformed));
    assertEquals("malformed target", target.getMessage());
    assertEquals(AybException.Kind.INVALID_INPUT, target.kind());
    AybException slug = refused(() -> fork("open", to("nobody", "a b")));
    assertEquals(ErrorType.InvalidSlug, slug.type());
    AybException entity = refused(() -> fork("open", to("nobody", "copy")));
    assertEquals(ErrorType.RecordNotFound, entity.type());
    assertEquals("nobody", entity.recordId());
    AybException elsewhere = refused(() -> fork("open", to("ada", "copy")));
    assertEquals(AybException.Kind.FORBIDDEN, elsewhere.kind());
    AybException exists = refused(() -> fork("open", to("BOB", "taken")));
    assertEquals(AybException.Kind.CONFLICT, exists.kind());
  }

  private void fork(String database, Requested<ForkTarget> target) {
    service.fork(caller(bob), "127.0.0.1", "ada", database, target);
  }

  private static Requested<ForkTarget> to(String entity, String database) {
    return Requested.of(new ForkTarget(entity, database));
  }

  private static AybException refused(Executable action) {
    return assertThrows(AybException.class, action);
  }
}
