package org.aybdb.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.fakes.FakeRateLimits;
import org.aybdb.config.AybConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The e-mail limits, kept per client address so that strangers cannot lock anyone out. */
class ConfirmationEmailThrottleTest {

  private final ConfirmationEmailThrottle throttle = new ConfirmationEmailThrottle();

  @BeforeEach
  void configure() {
    throttle.configuration = configuration(3, 5);
    throttle.rateLimits = new FakeRateLimits();
    throttle.configure();
  }

  static AybConfiguration configuration(int perHour, int perClientPerHour) {
    AybConfiguration.Http defaults = AybConfiguration.Http.defaults();
    return new AybConfiguration(
        "127.0.0.1",
        5433,
        Optional.empty(),
        "sqlite://ayb.sqlite",
        AybConfiguration.Metadata.defaults(),
        Path.of("data"),
        new AybConfiguration.Authentication("key", 3600),
        new AybConfiguration.Email(
            Optional.empty(),
            Optional.of(new AybConfiguration.FileBackend(Path.of("mail.jsonl"))),
            perHour),
        new AybConfiguration.Cors("*"),
        Optional.empty(),
        AybConfiguration.Server.defaults(),
        AybConfiguration.Sandbox.defaults(),
        new AybConfiguration.Http(
            defaults.jsonMaxDepth(),
            defaults.linkFetchesPerEntityPerHour(),
            defaults.linkFetchesPerHour(),
            perClientPerHour,
            defaults.anonymousSessionTimeout(),
            defaults.maxSessionsPerClient(),
            defaults.maxConnectionsPerClient(),
            defaults.bodyTimeout()),
        AybConfiguration.Management.defaults(),
        AybConfiguration.Limits.defaults(),
        "test");
  }

  @Test
  void aStrangerUsingUpTheLimitLocksOutOnlyHimself() {
    for (int i = 0; i < 3; i++) {
      throttle.admit("victim", "victim@example.org", "198.51.100.66");
    }
    AybException refused =
        assertThrows(
            AybException.class,
            () -> throttle.admit("victim", "victim@example.org", "198.51.100.66"));
    assertEquals(AybException.Kind.RATE_LIMITED, refused.kind());
    // The victim, from her own address, still gets her e-mails.
    throttle.admit("victim", "victim@example.org", "203.0.113.7");
  }

  @Test
  void eachClientHasACapOverAllEntities() {
    for (int i = 0; i < 5; i++) {
      throttle.admit("entity" + i, "e" + i + "@example.org", "198.51.100.66");
    }
    AybException refused =
        assertThrows(
            AybException.class, () -> throttle.admit("entity9", "e9@example.org", "198.51.100.66"));
    assertEquals(AybException.Kind.RATE_LIMITED, refused.kind());
    assertTrue(refused.getMessage().contains("from this network address"), refused.getMessage());
    throttle.admit("entity9", "e9@example.org", "203.0.113.7");
  }
}
