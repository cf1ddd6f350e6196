package org.aybdb.interfaces.web;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.IssuedApiToken;

/**
 * Who is logged in to this browser session. Confirming an e-mailed link issues an ordinary API
 * token; the session keeps it server-side (it never reaches the browser, whose cookie holds only
 * the container's random session id) and every request re-checks it, so revoking that token, on the
 * tokens page or through the API, ends the session. Logging out revokes it.
 */
@SessionScoped
public class UiSession implements Serializable {

  private static final long serialVersionUID = 1L;

  private String entity;
  private String token;
  private String next;

  /** Records the log-in; the caller rotates the session id first. */
  public void logIn(IssuedApiToken issued) {
    Objects.requireNonNull(issued, "issued");
    entity = issued.entity();
    token = issued.token();
  }

  /** Forgets the log-in and returns the token that was held, for revocation. */
  public Optional<String> logOut() {
    Optional<String> held = Optional.ofNullable(token);
    entity = null;
    token = null;
    return held;
  }

  /** The entity named at log-in; {@link Visitor} says whether the log-in still holds. */
  Optional<String> entity() {
    return Optional.ofNullable(entity);
  }

  Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** A local path to open after the next log-in ({@code /log_in?next=...}). */
  public void rememberNext(String path) {
    next = isLocalPath(path) ? path : null;
  }

  /** The remembered path, once. */
  public Optional<String> takeNext() {
    Optional<String> result = Optional.ofNullable(next);
    next = null;
    return result;
  }

  /** Only paths on this server: no scheme, no host, no {@code //} or backslash tricks. */
  static boolean isLocalPath(String path) {
    return path != null
        && path.startsWith("/")
        && !path.startsWith("//")
        && !path.contains("\\")
        && path.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
  }
}
