package org.aybdb.interfaces.rest.error;

import java.util.Objects;
import org.aybdb.application.AybException;

/**
 * The one place that picks the HTTP status of an application failure. Ours differ from ayb's
 * blanket 500 on purpose: 400 for malformed input, 401 for credentials, 403 for a known caller
 * without the right, 404, 409, 413, 429.
 */
public final class FailureStatus {

  private FailureStatus() {}

  /** The status answered for a failure of {@code kind}. */
  public static int of(AybException.Kind kind) {
    return switch (Objects.requireNonNull(kind, "kind")) {
      case INVALID_INPUT -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case TIMED_OUT -> 408;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case RATE_LIMITED -> 429;
      case INTERNAL -> 500;
      case NOT_SUPPORTED -> 501;
      case UPSTREAM_FAILED -> 502;
      case UNAVAILABLE -> 503;
      case STORAGE_FULL -> 507;
    };
  }

  /** The status answered for {@code failure}. */
  public static int of(AybException failure) {
    return of(failure.kind());
  }
}
