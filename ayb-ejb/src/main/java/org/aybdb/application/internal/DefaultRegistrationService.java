package org.aybdb.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.IssuedApiToken;
import org.aybdb.application.RegistrationService;
import org.aybdb.application.Requested;
import org.aybdb.application.port.ConfirmationTokenCodec;
import org.aybdb.application.port.ConfirmationTokenCodec.Opened;
import org.aybdb.application.port.ConfirmationTokenCodec.Payload;
import org.aybdb.application.port.MailDelivery;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.Slugs;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.account.AuthenticationMethod;
import org.aybdb.domain.model.account.AuthenticationMethodStatus;
import org.aybdb.domain.model.account.AuthenticationMethodType;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.domain.model.account.ReservedNames;
import org.aybdb.domain.model.account.UsedConfirmationTokenRepository;

/**
 * {@link RegistrationService} with ayb's checks in ayb's order. E-mails are sent outside any
 * transaction; confirmation runs in one, so a refused confirmation leaves no trace (its token stays
 * unused).
 */
@Stateless
public class DefaultRegistrationService implements RegistrationService {

  static final String INVALID_TOKEN = "Invalid or expired token";
  static final String REUSED_TOKEN =
      "This confirmation token has already been used; log in again to get a new one";

  private static final Logger LOG = Logger.getLogger(DefaultRegistrationService.class.getName());

  @Inject AybConfiguration configuration;
  @Inject AccountRepository accounts;
  @Inject UsedConfirmationTokenRepository usedTokens;
  @Inject MailDelivery email;
  @Inject ConfirmationTokenCodec confirmationTokens;
  @Inject ConfirmationEmailThrottle throttle;
  @Inject ApiTokenIssuer issuer;

  private final Clock clock = Clock.systemUTC();

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void register(
      String entity, String givenAddress, Requested<EntityType> entityType, String clientAddress) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(givenAddress, "emailAddress");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(clientAddress, "clientAddress");

    Optional<String> problem = Slugs.problem(Slugs.Kind.ENTITY, entity);
    if (problem.isPresent()) {
      throw new AybException(ErrorType.InvalidSlug, AybException.Kind.INVALID_INPUT, problem.get());
    }
    if (ReservedNames.isReserved(entity)) {
      throw new AybException(
          ErrorType.RegistrationError,
          AybException.Kind.CONFLICT,
          "Username '" + entity + "' is reserved and cannot be used");
    }
    // Before any limit or uniqueness check: one address, one spelling (no quoted local parts,
    // no [address literals], lower case).
    String emailAddress =
        email
            .canonicalAddress(givenAddress)
            .orElseThrow(() -> AybException.badRequest("Invalid email address: " + givenAddress));
    Optional<Account> existing = accounts.find(entity);
    if (existing.isPresent()
        && accounts.authenticationMethods(existing.get()).stream()
            .anyMatch(method -> !isEmailMethodFor(method, emailAddress))) {
      throttle.admitRefusedRegistration(clientAddress);
      throw alreadyRegistered(entity);
    }
    EntityType type = entityType.required();
    sendConfirmation(new Payload(entity, type, emailAddress), clientAddress);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public String entityOf(String confirmationToken) {
    return open(Objects.requireNonNull(confirmationToken, "confirmationToken")).payload().entity();
  }

  private Opened open(String confirmationToken) {
    try {
      return confirmationTokens.open(confirmationToken);
    } catch (ConfirmationTokenCodec.InvalidTokenException e) {
      throw new AybException(ErrorType.Other, AybException.Kind.INVALID_INPUT, INVALID_TOKEN);
    }
  }

  @Override
  public IssuedApiToken confirm(String confirmationToken) {
    Objects.requireNonNull(confirmationToken, "confirmationToken");
    Opened opened = open(confirmationToken);
    usedTokens.forgetExpired(clock.instant());
    if (!usedTokens.markUsed(opened.fingerprint(), opened.expiresAt())) {
      throw new AybException(ErrorType.Other, AybException.Kind.INVALID_INPUT, REUSED_TOKEN);
    }
    Payload payload = opened.payload();
    String address = payload.emailAddress();
    Optional<Account> existing = accounts.find(payload.entity());
    List<AuthenticationMethod> methods =
        existing.map(accounts::authenticationMethods).orElse(List.of());
    if (methods.stream().noneMatch(method -> isEmailMethodFor(method, address))) {
      if (!methods.isEmpty()) {
        throw alreadyRegistered(payload.entity());
      }
      if (accounts.emailMethod(address).isPresent()) {
        // ayb fails here with a raw unique-constraint error.
        throw new AybException(
            ErrorType.Other,
            AybException.Kind.CONFLICT,
            "The e-mail address " + address + " is already used by another entity");
      }
      Account account =
          existing.orElseGet(
              () -> accounts.store(new Account(payload.entity(), payload.entityType())));
      accounts.store(new AuthenticationMethod(account, address));
      LOG.info(() -> "Registered entity " + payload.entity());
      return issuer.issue(account);
    }
    return issuer.issue(existing.orElseThrow());
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void logIn(String entity, String clientAddress) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Optional<Account> account = accounts.find(entity);
    Optional<AuthenticationMethod> verified =
        account.stream()
            .flatMap(found -> accounts.authenticationMethods(found).stream())
            .filter(
                method ->
                    method.methodType() == AuthenticationMethodType.EMAIL
                        && method.status() == AuthenticationMethodStatus.VERIFIED)
            .findFirst();
    if (verified.isEmpty()) {
      throw new AybException(
          ErrorType.Other,
          AybException.Kind.NOT_FOUND,
          "No account or email authentication method for " + entity);
    }
    sendConfirmation(
        new Payload(entity, account.get().entityType(), verified.get().emailAddress()),
        clientAddress);
  }

  private void sendConfirmation(Payload payload, String clientAddress) {
    String address = payload.emailAddress();
    if (!email.isValidAddress(address)) {
      throw AybException.badRequest("Invalid email address: " + address);
    }
    throttle.admit(payload.entity(), address, clientAddress);
    try {
      email.sendConfirmation(address, confirmationTokens.mint(payload));
    } catch (MailDelivery.DeliveryException e) {
      LOG.warning(
          () -> "Confirmation e-mail for " + payload.entity() + " failed: " + e.getMessage());
      throw new AybException(
          ErrorType.EmailError, AybException.Kind.UPSTREAM_FAILED, e.getMessage());
    }
  }

  private static boolean isEmailMethodFor(AuthenticationMethod method, String address) {
    return method.methodType() == AuthenticationMethodType.EMAIL
        && method.emailAddress().equals(address);
  }

  private static AybException alreadyRegistered(String entity) {
    return new AybException(
        ErrorType.Other, AybException.Kind.CONFLICT, entity + " has already been registered");
  }
}
