package org.aybdb.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.aybdb.application.ClientAddress;
import org.aybdb.config.AybConfiguration;
import org.aybdb.interfaces.rest.ClientAddresses;

/**
 * Web UI sessions nobody has logged in to: they live {@code [http] anonymous_session_timeout} idle
 * (a logged-in session gets the full {@code session-timeout} of web.xml), and one client address
 * holds at most {@code [http] max_sessions_per_client} of them; a new one beyond that ends the
 * client's least recently used one. So cookie-less page views cannot pile up sessions in memory.
 */
@ApplicationScoped
public class AnonymousSessions {

  @Inject AybConfiguration configuration;

  /** The session attribute that marks a session someone logged in to. */
  static final String LOGGED_IN = AnonymousSessions.class.getName() + ".loggedIn";

  private final Map<String, Deque<HttpSession>> byClient = new HashMap<>();
  private final Map<String, String> clientOf = new HashMap<>();

  /** Gives a session that was just created the anonymous idle timeout. */
  public void created(HttpSession session) {
    session.setMaxInactiveInterval(
        (int) configuration.http().anonymousSessionTimeout().toSeconds());
  }

  /**
   * Counts the session {@code request} created, if it created one, for the client address it came
   * from (through the trusted proxies), ending that client's oldest past the cap.
   */
  public void admitCreatedBy(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return;
    }
    try {
      if (session.isNew()) {
        String client = ClientAddresses.of(request, configuration);
        admit(ClientAddress.keyOf(client), session);
      }
    } catch (IllegalStateException invalidated) {
      // Logged out during the request.
    }
  }

  /** Counts a session created by a request from {@code client}, ending its oldest past the cap. */
  public void admit(String client, HttpSession session) {
    Objects.requireNonNull(client, "client");
    HttpSession evicted = null;
    synchronized (this) {
      if (clientOf.containsKey(session.getId()) || session.getAttribute(LOGGED_IN) != null) {
        return;
      }
      Deque<HttpSession> sessions = byClient.computeIfAbsent(client, c -> new ArrayDeque<>());
      sessions.addLast(session);
      clientOf.put(session.getId(), client);
      if (sessions.size() > configuration.http().maxSessionsPerClient()) {
        evicted = leastRecentlyUsed(sessions);
        sessions.remove(evicted);
        clientOf.remove(evicted.getId());
      }
    }
    if (evicted != null) {
      try {
        evicted.invalidate();
      } catch (IllegalStateException alreadyInvalid) {
        // Ended meanwhile.
      }
    }
  }

  private static HttpSession leastRecentlyUsed(Deque<HttpSession> sessions) {
    HttpSession oldest = sessions.peekFirst();
    for (HttpSession session : sessions) {
      try {
        if (session.getLastAccessedTime() < oldest.getLastAccessedTime()) {
          oldest = session;
        }
      } catch (IllegalStateException invalidated) {
        return session;
      }
    }
    return oldest;
  }

  /**
   * Turns {@code session} into a logged-in one: the web.xml timeout, and no longer counted or
   * evicted.
   */
  public void loggedIn(HttpSession session, int timeoutSeconds) {
    session.setMaxInactiveInterval(timeoutSeconds);
    session.setAttribute(LOGGED_IN, Boolean.TRUE);
    forget(session);
  }

  /** Stops counting {@code session} (it ended, or someone logged in to it). */
  public synchronized void forget(HttpSession session) {
    String client = clientOf.remove(session.getId());
    if (client != null) {
      Deque<HttpSession> sessions = byClient.get(client);
      sessions.removeIf(other -> other.getId().equals(session.getId()));
      if (sessions.isEmpty()) {
        byClient.remove(client);
      }
    }
  }
}
