package org.aybdb.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.TokenService;
import org.aybdb.config.AybConfiguration;
import org.aybdb.interfaces.rest.ClientAddresses;

/**
 * The person behind this request: the session's API token checked once per request with the same
 * {@link TokenService} the HTTP API uses. A token that no longer holds (revoked, expired) logs the
 * session out.
 */
@Named
@RequestScoped
public class Visitor {

  @Inject UiSession session;
  @Inject TokenService tokens;
  @Inject HttpServletRequest request;
  @Inject AybConfiguration configuration;

  private Optional<Caller> caller;

  /** The logged-in caller, or empty for an anonymous visitor. */
  public Optional<Caller> caller() {
    if (caller == null) {
      // No session yet means nobody logged in: asking UiSession would create one for nothing.
      caller =
          request.getSession(false) == null
              ? Optional.empty()
              : session.token().flatMap(this::authenticate);
    }
    return caller;
  }

  private Optional<Caller> authenticate(String token) {
    try {
      return Optional.of(tokens.authenticate(token));
    } catch (AybException refused) {
      session.logOut();
      return Optional.empty();
    }
  }

  /** The network address the request came from, through the trusted proxies. */
  public String address() {
    return ClientAddresses.of(request, configuration);
  }

  public boolean isLoggedIn() {
    return caller().isPresent();
  }

  /** The logged-in entity's slug, or null. */
  public String getEntity() {
    return caller().map(Caller::slug).orElse(null);
  }

  /** The short part of the session's own token, to mark it in the token list. */
  public String getSessionToken() {
    return caller().map(Caller::shortToken).orElse(null);
  }

  /** Whether the logged-in entity is {@code entity}. */
  public boolean is(String entity) {
    return entity != null && entity.equals(getEntity());
  }
}
