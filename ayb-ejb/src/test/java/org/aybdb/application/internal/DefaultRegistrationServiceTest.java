package org.aybdb.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.IssuedApiToken;
import org.aybdb.application.Requested;
import org.aybdb.application.fakes.FakeApiTokens;
import org.aybdb.application.fakes.FakeConfirmationTokens;
import org.aybdb.application.fakes.FakeMail;
import org.aybdb.application.fakes.FakeRateLimits;
import org.aybdb.application.fakes.MetadataStore;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.EntityType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Registration, confirmation and log-in with ayb's checks in ayb's order, without a container. */
class DefaultRegistrationServiceTest {

  private static final String CLIENT = "198.51.100.7";

  private final MetadataStore store = new MetadataStore();
  private final FakeMail mail = new FakeMail();
  private final DefaultRegistrationService registration = new DefaultRegistrationService();

  @BeforeEach
  void wire() {
    ConfirmationEmailThrottle throttle = new ConfirmationEmailThrottle();
    throttle.configuration = ConfirmationEmailThrottleTest.configuration(3, 100);
    throttle.rateLimits = new FakeRateLimits();
    throttle.configure();
    ApiTokenIssuer issuer = new ApiTokenIssuer();
    issuer.tokens = store.tokens;
    issuer.codec = new FakeApiTokens();
    registration.accounts = store.accounts;
    registration.usedTokens = store.usedTokens;
    registration.email = mail;
    registration.confirmationTokens = new FakeConfirmationTokens();
    registration.throttle = throttle;
    registration.issuer = issuer;
  }

  @Test
  void registeringMailsATokenThatCreatesTheEntityAndAnApiToken() {
    registration.register("ada", "Ada@Example.org", type("user"), CLIENT);
    assertEquals(List.of(new FakeMail.Sent("ada@example.org", "token-1")), mail.sent);
    assertEquals("ada", registration.entityOf("token-1"));

    IssuedApiToken issued = registration.confirm("token-1");

    Account ada = store.accounts.find("ada").orElseThrow();
    assertEquals(EntityType.USER, ada.entityType());
    assertEquals("ada", issued.entity());
    assertEquals(1, store.storedTokens().size());
    assertEquals(
        "ada@example.org", store.accounts.authenticationMethods(ada).get(0).emailAddress());
  }

  @Test
  void theSlugIsCheckedFirstThenReservedNamesThenTheAddress() {
    AybException badSlug =
        refused(() -> registration.register("no spaces", "bad", type("nonsense"), CLIENT));
    assertEquals(ErrorType.InvalidSlug, badSlug.type());
    assertEquals(AybException.Kind.INVALID_INPUT, badSlug.kind());

    AybException reserved =
        refused(() -> registration.register("admin", "bad", type("nonsense"), CLIENT));
    assertEquals(ErrorType.RegistrationError, reserved.type());
    assertEquals(AybException.Kind.CONFLICT, reserved.kind());
    assertEquals("Username 'admin' is reserved and cannot be used", reserved.getMessage());

    AybException address =
        refused(() -> registration.register("ada", "bad", type("nonsense"), CLIENT));
    assertEquals(AybException.Kind.INVALID_INPUT, address.kind());
    assertEquals("Invalid email address: bad", address.getMessage());

    AybException type =
        refused(() -> registration.register("ada", "ada@example.org", type("robot"), CLIENT));
    assertEquals(AybException.Kind.INVALID_INPUT, type.kind());
    assertEquals("Unknown value: robot", type.getMessage());
    assertTrue(mail.sent.isEmpty());
  }

  @Test
  void aRegisteredNameIsRefusedBeforeTheEntityTypeIsRead() {
    registration.register("ada", "ada@example.org", type("user"), CLIENT);
    registration.confirm("token-1");
    AybException taken =
        refused(() -> registration.register("ada", "eve@example.org", type("robot"), CLIENT));
    assertEquals(AybException.Kind.CONFLICT, taken.kind());
    assertEquals("ada has already been registered", taken.getMessage());
  }

  @Test
  void guessesOfAUsersAddressCountAgainstTheClientsCap() {
    ConfirmationEmailThrottle throttle = new ConfirmationEmailThrottle();
    throttle.configuration = ConfirmationEmailThrottleTest.configuration(3, 5);
    throttle.rateLimits = new FakeRateLimits();
    throttle.configure();
    registration.throttle = throttle;
    registration.register("ada", "ada@example.org", type("user"), CLIENT);
    registration.confirm("token-1");
    for (int guess = 2; guess <= 5; guess++) {
      String address = "guess" + guess + "@example.org";
      AybException taken =
          refused(() -> registration.register("ada", address, type("user"), CLIENT));
      assertEquals(AybException.Kind.CONFLICT, taken.kind());
    }
    AybException limited =
        refused(() -> registration.register("ada", "ada@example.org", type("user"), CLIENT));
    assertEquals(AybException.Kind.RATE_LIMITED, limited.kind());
    assertTrue(limited.getMessage().contains("network address"), limited.getMessage());
    // Another client is not held up.
    registration.register("ada", "ada@example.org", type("user"), "203.0.113.9");
  }

  @Test
  void anUnconfirmedNameCanBeAskedForAgainButOnlyTheFirstConfirmationWins() {
    registration.register("ada", "ada@example.org", type("user"), CLIENT);
    registration.register("ada", "eve@example.org", type("organization"), CLIENT);
    assertEquals(2, mail.sent.size());

    registration.confirm("token-2");
    assertEquals(EntityType.ORGANIZATION, store.accounts.find("ada").orElseThrow().entityType());
    AybException late = refused(() -> registration.confirm("token-1"));
    assertEquals(AybException.Kind.CONFLICT, late.kind());
    assertEquals("ada has already been registered", late.getMessage());
  }

  @Test
  void registeringTheSameAddressAgainLogsIn() {
    registration.register("ada", "ada@example.org", type("user"), CLIENT);
    registration.confirm("token-1");
    registration.register("ada", "ada@example.org", type("user"), CLIENT);
    registration.confirm("token-2");
    assertEquals(2, store.storedTokens().size());
  }

  @Test
  void aConfirmationTokenOpensOnce() {
    registration.register("ada", "ada@example.org", type("user"), CLIENT);
    registration.confirm("token-1");
    AybException reused = refused(() -> registration.confirm("token-1"));
    assertEquals(AybException.Kind.INVALID_INPUT, reused.kind());
    assertEquals(DefaultRegistrationService.REUSED_TOKEN, reused.getMessage());

    AybException invalid = refused(() -> registration.confirm("forged"));
    assertEquals(AybException.Kind.INVALID_INPUT, invalid.kind());
    assertEquals(DefaultRegistrationService.INVALID_TOKEN, invalid.getMessage());
  }

  @Test
  void anAddressUsedByAnotherEntityIsAConflict() {
    registration.register("ada", "ada@example.org", type("user"), CLIENT);
    registration.confirm("token-1");
    registration.register("eve", "ada@example.org", type("user"), CLIENT);
    AybException taken = refused(() -> registration.confirm("token-2"));
    assertEquals(AybException.Kind.CONFLICT, taken.kind());
    assertTrue(store.accounts.find("eve").isEmpty());
  }

  @Test
  void theFourthEmailInAnHourIsRateLimited() {
    for (int i = 0; i < 3; i++) {
      registration.register("ada", "ada@example.org", type("user"), CLIENT);
    }
    AybException limited =
        refused(() -> registration.register("ada", "ada@example.org", type("user"), CLIENT));
    assertEquals(AybException.Kind.RATE_LIMITED, limited.kind());
    assertTrue(limited.retryAfterSeconds() > 0);
    assertEquals(3, mail.sent.size());
    // The count is the asking client's: a request from elsewhere is still served.
    registration.register("ada", "ada@example.org", type("user"), "203.0.113.9");
    assertEquals(4, mail.sent.size());
  }

  @Test
  void aFailedDeliveryIsAnUpstreamFailureWithTheBackendsWords() {
    mail.failure = "SMTP backend failed: refused";
    AybException failed =
        refused(() -> registration.register("ada", "ada@example.org", type("user"), CLIENT));
    assertEquals(ErrorType.EmailError, failed.type());
    assertEquals(AybException.Kind.UPSTREAM_FAILED, failed.kind());
    assertEquals("SMTP backend failed: refused", failed.getMessage());
  }

  @Test
  void loggingInNeedsAVerifiedAddress() {
    AybException unknown = refused(() -> registration.logIn("ada", CLIENT));
    assertEquals(AybException.Kind.NOT_FOUND, unknown.kind());
    registration.register("ada", "ada@example.org", type("user"), CLIENT);
    registration.confirm("token-1");
    registration.logIn("ada", CLIENT);
    assertEquals("ada@example.org", mail.sent.get(1).address());
  }

  /** The entity type as the edge passes it: parsed, a bad word refused only when read. */
  private static Requested<EntityType> type(String word) {
    return Requested.parse(word, EntityType::fromWord);
  }

  private static AybException refused(Executable action) {
    return assertThrows(AybException.class, action);
  }
}
