package org.aybdb.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.aybdb.application.AybException;
import org.aybdb.application.ClientAddress;
import org.aybdb.application.port.RateLimits;
import org.aybdb.application.port.RateLimits.RateLimiter;
import org.aybdb.config.AybConfiguration;

/**
 * Limits registration and log-in e-mails to {@code [email] rate_limit_per_hour} per address and,
 * separately, per entity in any rolling hour, so the server cannot be used to flood an inbox; and
 * to {@code [http] emails_per_client_per_hour} per client address. The per-address and per-entity
 * counts are kept per client address, so a stranger using them up locks out only himself.
 */
@ApplicationScoped
public class ConfirmationEmailThrottle {

  @Inject AybConfiguration configuration;
  @Inject RateLimits rateLimits;

  private RateLimiter limiter;
  private RateLimiter perClient;

  @PostConstruct
  void configure() {
    limiter = rateLimits.limiter(configuration.email().rateLimitPerHour(), Duration.ofHours(1));
    perClient =
        rateLimits.limiter(configuration.http().emailsPerClientPerHour(), Duration.ofHours(1));
  }

  /**
   * Counts one e-mail to {@code address} for {@code entity}, asked for from {@code clientAddress}.
   * The per-entity and per-address counts are kept per client, so that requests from elsewhere
   * cannot use up the owner's own; each client also has its own cap over all entities.
   *
   * @throws AybException 429 when either is at its limit; the message names neither the address nor
   *     the limit's state of other people's addresses
   */
  public void admit(String entity, String address, String clientAddress) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(address, "address");
    String client = ClientAddress.keyOf(Objects.requireNonNull(clientAddress, "clientAddress"));
    admitClient(client, "Too many confirmation e-mails were requested from this network address");
    limiter
        .tryAcquire(List.of("entity:" + entity + "|" + client, "address:" + address + "|" + client))
        .ifPresent(
            wait -> {
              throw AybException.tooManyRequests(
                  "Too many confirmation e-mails were requested for this entity or e-mail address;"
                      + " try again in "
                      + minutes(wait),
                  wait);
            });
  }

  /**
   * Counts, against {@code clientAddress}'s cap over all entities, a registration refused because
   * the entity is someone else's: without it, the difference between that refusal and an e-mail
   * sent would let anyone test unlimited guesses of a user's address.
   *
   * @throws AybException 429 when the client is at its limit
   */
  public void admitRefusedRegistration(String clientAddress) {
    admitClient(
        ClientAddress.keyOf(Objects.requireNonNull(clientAddress, "clientAddress")),
        "Too many registrations were tried from this network address");
  }

  /** Counts one against the client's cap over all entities; 429 saying {@code refusal} past it. */
  private void admitClient(String client, String refusal) {
    perClient
        .tryAcquire(List.of(client))
        .ifPresent(
            wait -> {
              throw AybException.tooManyRequests(refusal + "; try again in " + minutes(wait), wait);
            });
  }

  private static String minutes(Duration wait) {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
