package org.aybdb.application;

import org.aybdb.domain.model.account.EntityType;

/**
 * Registration and log-in by e-mail, ayb's passwordless flow: a confirmation token is mailed, and
 * confirming it creates the entity (on first use) and issues a new API token. Callers pass the
 * entity slug and e-mail address already lower-cased, as ayb's API does with its headers, and the
 * client address the request came from: the e-mails are limited per client.
 */
public interface RegistrationService {

  /**
   * Mails a confirmation token for a new entity (or, with the address it already uses, for an
   * existing one). Nothing is stored until the token is confirmed.
   *
   * @param entityType {@code user} or {@code organization}, refused only after the checks of the
   *     name, the address and an existing registration
   * @param clientAddress the network address the request came from
   * @throws AybException InvalidSlug (400), RegistrationError for a reserved name (409), Other for
   *     an entity registered with another address (409), an unknown entity type or an invalid
   *     address (400), too many e-mails (429), EmailError (502)
   */
  void register(
      String entity, String emailAddress, Requested<EntityType> entityType, String clientAddress);

  /**
   * Confirms a mailed token, once: creates the entity and its e-mail method if needed and issues a
   * new API token.
   *
   * @throws AybException Other "Invalid or expired token" or a reused token (400); Other for an
   *     entity or address that belongs to someone else (409)
   */
  IssuedApiToken confirm(String confirmationToken);

  /**
   * The entity a confirmation token would log in, without using the token up (for a page that asks
   * before confirming).
   *
   * @throws AybException Other "Invalid or expired token" (400)
   */
  String entityOf(String confirmationToken);

  /**
   * Mails a confirmation token to the entity's first verified address.
   *
   * @param clientAddress the network address the request came from
   * @throws AybException Other when there is no such entity or address (404), 429, EmailError (502)
   */
  void logIn(String entity, String clientAddress);
}
