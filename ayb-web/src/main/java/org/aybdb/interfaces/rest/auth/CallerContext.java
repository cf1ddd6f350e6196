package org.aybdb.interfaces.rest.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.ErrorType;
import org.aybdb.application.QueryPath;
import org.aybdb.application.TokenService;

/**
 * The caller of the current request, as the authentication filters found it. Resources marked
 * {@link Authenticated} read {@link #caller()}; those marked {@link OptionallyAuthenticated} read
 * {@link #optionalCaller()}.
 */
@RequestScoped
public class CallerContext {

  static final String MISSING =
      "Missing Authorization header: expected `Bearer <token>` with an API token";
  static final String NOT_BEARER = "Invalid Authorization header: expected `Bearer <token>`";

  @Inject QueryPath tokens;

  private Caller caller;

  /**
   * Authenticates the request from its {@code Authorization} header.
   *
   * @param required whether a missing header is refused (401 Unauthorized) or anonymous
   * @throws AybException 401 for a header that is not a bearer token, and whatever {@link
   *     TokenService#authenticate} refuses (asked through {@link QueryPath#authenticate}, which
   *     answers recently verified tokens from memory)
   */
  public void authenticate(String authorization, boolean required) {
    caller = callerOf(tokens, authorization, required);
  }

  /**
   * The caller named by an {@code Authorization} header, null for none, as {@link #authenticate}
   * (for the query endpoint, which runs outside JAX-RS).
   */
  public static Caller callerOf(QueryPath tokens, String authorization, boolean required) {
    if (authorization == null) {
      if (required) {
        throw new AybException(ErrorType.Unauthorized, AybException.Kind.UNAUTHENTICATED, MISSING);
      }
      return null;
    }
    String header = authorization.strip();
    if (!header.regionMatches(true, 0, "bearer ", 0, "bearer ".length())) {
      throw new AybException(ErrorType.Other, AybException.Kind.UNAUTHENTICATED, NOT_BEARER);
    }
    return tokens.authenticate(header.substring("bearer ".length()).strip());
  }

  /** The authenticated caller of an {@link Authenticated} endpoint. */
  public Caller caller() {
    if (caller == null) {
      throw new IllegalStateException("No caller: is the endpoint marked @Authenticated?");
    }
    return caller;
  }

  /** The caller of an {@link OptionallyAuthenticated} endpoint; empty for anonymous. */
  public Optional<Caller> optionalCaller() {
    return Optional.ofNullable(caller);
  }
}
