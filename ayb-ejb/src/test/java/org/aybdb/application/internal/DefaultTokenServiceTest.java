package org.aybdb.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.ErrorType;
import org.aybdb.application.IssuedApiToken;
import org.aybdb.application.NewApiToken;
import org.aybdb.application.fakes.FakeApiTokens;
import org.aybdb.application.fakes.FakeTransactions;
import org.aybdb.application.fakes.MetadataStore;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.ApiToken;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.aybdb.domain.model.permission.QueryPermissionLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** API tokens: authentication with ayb's refusals in ayb's order, minting and revoking. */
class DefaultTokenServiceTest {

  private final MetadataStore store = new MetadataStore();
  private final FakeApiTokens codec = new FakeApiTokens();
  private final FakeTransactions transactions = new FakeTransactions();
  private final List<String> used = new ArrayList<>();
  private final DefaultTokenService service = new DefaultTokenService();
  private Account ada;

  @BeforeEach
  void wire() {
    ApiTokenIssuer issuer = new ApiTokenIssuer();
    issuer.tokens = store.tokens;
    issuer.codec = codec;
    service.tokens = store.tokens;
    service.accounts = store.accounts;
    service.databases = store.databases;
    service.permissions = store.permissions;
    service.recent = new AuthenticatedTokens();
    service.recent.codec = codec;
    service.issuer = issuer;
    service.codec = codec;
    service.transactions = transactions;
    service.usage =
        new TokenUsage() {
          @Override
          public void noteUse(String shortToken) {
            used.add(shortToken);
          }
        };
    ada = store.account("ada", EntityType.USER);
  }

  @Test
  void aValidTokenAuthenticatesItsEntityAndIsNotedAsUsed() {
    IssuedApiToken issued = service.create(owner(), named("laptop"));
    Caller caller = service.authenticate(issued.token());
    assertEquals("ada", caller.slug());
    assertEquals(ada.id(), caller.entityId());
    assertEquals(List.of(caller.shortToken()), used);
    // Answered from memory the second time, and still noted.
    assertEquals(caller, service.authenticate(issued.token()));
    assertEquals(2, used.size());
  }

  @Test
  void refusalsComeInAybsOrder() {
    AybException malformed = refused(() -> service.authenticate("no-underscores"));
    assertEquals(AybException.Kind.UNAUTHENTICATED, malformed.kind());
    assertEquals("Error parsing API token: WrongNumberOfParts(1)", malformed.getMessage());

    AybException unknown = refused(() -> service.authenticate("ayb_nobody_secret"));
    assertEquals(ErrorType.RecordNotFound, unknown.type());
    assertEquals(AybException.Kind.UNAUTHENTICATED, unknown.kind());
    assertEquals("nobody", unknown.recordId());

    IssuedApiToken issued = service.create(owner(), named("laptop"));
    String shortToken = issued.token().split("_")[1];
    AybException wrongSecret = refused(() -> service.authenticate("ayb_" + shortToken + "_guess"));
    assertEquals(ErrorType.InvalidToken, wrongSecret.type());
    assertEquals("Invalid API token", wrongSecret.getMessage());
  }

  @Test
  void aRevokedTokenNoLongerOpensEvenIfItWasRemembered() {
    IssuedApiToken issued = service.create(owner(), named("laptop"));
    Caller caller = service.authenticate(issued.token());
    service.revoke(owner(), caller.shortToken());
    transactions.commit();
    AybException revoked = refused(() -> service.authenticate(issued.token()));
    assertEquals(AybException.Kind.UNAUTHENTICATED, revoked.kind());
    assertEquals("API token has been revoked", revoked.getMessage());
    assertTrue(service.activeTokens(owner()).isEmpty());
    AybException again = refused(() -> service.revoke(owner(), caller.shortToken()));
    assertEquals(AybException.Kind.NOT_FOUND, again.kind());
  }

  @Test
  void anExpiredTokenIsRefused() {
    ApiToken token = new ApiToken("old", ada, "terces", LocalDateTime.now().minusDays(2));
    token.expireAt(LocalDateTime.now().minusDays(1));
    store.tokens.store(token);
    AybException expired = refused(() -> service.authenticate("ayb_old_secret"));
    assertEquals("API token has expired", expired.getMessage());
  }

  @Test
  void aNewTokenNeedsANameAndAFutureExpiry() {
    assertEquals(
        AybException.Kind.INVALID_INPUT, refused(() -> service.create(owner(), named(" "))).kind());
    NewApiToken past =
        new NewApiToken(
            "x",
            Optional.empty(),
            QueryPermissionLevel.READ_WRITE,
            Optional.of(LocalDateTime.now().minusMinutes(1)));
    AybException expired = refused(() -> service.create(owner(), past));
    assertEquals("A token's expiry must be in the future", expired.getMessage());
  }

  @Test
  void aScopedTokenNeedsAccessToItsDatabaseAndCannotMintMore() {
    Account bob = store.account("bob", EntityType.USER);
    store.databases.store(
        new HostedDatabase(bob, "private.sqlite", DatabaseType.SQLITE, PublicSharingLevel.FORK));
    HostedDatabase open =
        store.databases.store(
            new HostedDatabase(
                bob, "open.sqlite", DatabaseType.SQLITE, PublicSharingLevel.READ_ONLY));

    AybException noQuery =
        refused(() -> service.create(owner(), scoped("bob/private.sqlite", "read-only")));
    assertEquals(AybException.Kind.NOT_FOUND, noQuery.kind());
    AybException tooHigh =
        refused(() -> service.create(owner(), scoped("bob/open.sqlite", "read-write")));
    assertEquals("bob/open.sqlite", tooHigh.recordId());

    IssuedApiToken issued = service.create(owner(), scoped("bob/open.sqlite", "read-only"));
    Caller app = service.authenticate(issued.token());
    assertEquals(Optional.of(open.id()), app.scopedDatabaseId());
    assertEquals(Optional.of(QueryPermissionLevel.READ_ONLY), app.tokenCap());
    AybException minting = refused(() -> service.create(app, named("more")));
    assertEquals(AybException.Kind.FORBIDDEN, minting.kind());
  }

  private Caller owner() {
    return new Caller(ada.id(), "ada", "own", Optional.empty(), Optional.empty());
  }

  private static NewApiToken named(String name) {
    return new NewApiToken(
        name, Optional.empty(), QueryPermissionLevel.READ_WRITE, Optional.empty());
  }

  private static NewApiToken scoped(String database, String level) {
    return new NewApiToken(
        "app", Optional.of(database), QueryPermissionLevel.fromWord(level), Optional.empty());
  }

  private static AybException refused(Executable action) {
    return assertThrows(AybException.class, action);
  }
}
