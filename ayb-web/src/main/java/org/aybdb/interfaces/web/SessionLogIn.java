package org.aybdb.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.IssuedApiToken;
import org.aybdb.application.TokenService;

/** Logging a browser session in and out. */
@RequestScoped
public class SessionLogIn {

  @Inject UiSession session;
  @Inject TokenService tokens;
  @Inject AnonymousSessions anonymous;

  /**
   * Binds a freshly issued token to the session under a new session id, so an id planted before
   * log-in (session fixation) is worthless afterwards. A token held from an earlier log-in is
   * revoked.
   */
  public void logIn(HttpServletRequest request, IssuedApiToken issued) {
    Objects.requireNonNull(issued, "issued");
    session.logOut().ifPresent(this::revoke);
    // Counted by its id, which is about to change: forgotten as anonymous first.
    anonymous.forget(request.getSession(true));
    request.changeSessionId();
    anonymous.loggedIn(request.getSession(), request.getServletContext().getSessionTimeout() * 60);
    session.logIn(issued);
  }

  /** Revokes the session's token and ends the session. */
  public void logOut(HttpServletRequest request) {
    session.logOut().ifPresent(this::revoke);
    HttpSession current = request.getSession(false);
    if (current != null) {
      current.invalidate();
    }
  }

  private void revoke(String token) {
    try {
      Caller caller = tokens.authenticate(token);
      tokens.revoke(caller, caller.shortToken());
    } catch (AybException alreadyGone) {
      // Revoked elsewhere already (tokens page, API) or expired: nothing is left to do.
    }
  }
}
