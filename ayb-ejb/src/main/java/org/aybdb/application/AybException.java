package org.aybdb.application;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Objects;

/**
 * A failure that a caller should see: ayb's error {@link ErrorType}, a message (absent for {@code
 * RecordNotFound} and {@code SnapshotDoesNotExistError}, which carry other fields) and the {@link
 * Kind} of failure it is. The edge picks the protocol's status from the kind; nothing inside knows
 * HTTP.
 */
@ApplicationException(rollback = true)
public class AybException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, in the caller's terms; each kind has one status at the edge. */
  public enum Kind {
    /** Malformed or unacceptable input: a missing header, an unknown word, bad SQL. */
    INVALID_INPUT,
    /** No credentials, or credentials that are not valid. */
    UNAUTHENTICATED,
    /** A known caller without the right. */
    FORBIDDEN,
    /** What was asked for does not exist (or must not be known to exist). */
    NOT_FOUND,
    /** The caller was too slow sending the request. */
    TIMED_OUT,
    /** The request contradicts the state: a name taken, a token reused, a lock held. */
    CONFLICT,
    /** Input past a configured size limit. */
    TOO_LARGE,
    /** Too many requests of this kind; a retry delay is given. */
    RATE_LIMITED,
    /** A fault of the server itself. */
    INTERNAL,
    /** Something this server does not do. */
    NOT_SUPPORTED,
    /** A service the server relies on (mail, snapshot storage) failed. */
    UPSTREAM_FAILED,
    /** Busy or not ready now; may be retried. */
    UNAVAILABLE,
    /** The server's disk has no room for the write. */
    STORAGE_FULL;

    /** Whether the request itself is at fault (it would fail again as it is), not the server. */
    public boolean isCallersFault() {
      // Named one by one (not by position), so a kind added later must be placed on purpose.
      return switch (this) {
        case INVALID_INPUT,
            UNAUTHENTICATED,
            FORBIDDEN,
            NOT_FOUND,
            TIMED_OUT,
            CONFLICT,
            TOO_LARGE,
            RATE_LIMITED ->
            true;
        case INTERNAL, NOT_SUPPORTED, UPSTREAM_FAILED, UNAVAILABLE, STORAGE_FULL -> false;
      };
    }
  }

  private final ErrorType type;
  private final Kind kind;
  private final String recordId;
  private final String recordType;
  private final long retryAfterSeconds;

  public AybException(ErrorType type, Kind kind, String message) {
    this(type, kind, Objects.requireNonNull(message, "message"), null, null, 0);
  }

  private AybException(
      ErrorType type,
      Kind kind,
      String message,
      String recordId,
      String recordType,
      long retryAfterSeconds) {
    super(message == null ? type.name() : message, null, false, false);
    this.type = Objects.requireNonNull(type, "type");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.recordId = recordId;
    this.recordType = recordType;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** ayb's {@code {"type":"RecordNotFound","id":...,"record_type":...}}, not found. */
  public static AybException recordNotFound(String id, String recordType) {
    return recordNotFound(id, recordType, Kind.NOT_FOUND);
  }

  /**
   * ayb's {@code RecordNotFound} of another kind, e.g. unauthenticated for an API token that does
   * not exist.
   */
  public static AybException recordNotFound(String id, String recordType, Kind kind) {
    return new AybException(
        ErrorType.RecordNotFound,
        kind,
        null,
        Objects.requireNonNull(id, "id"),
        Objects.requireNonNull(recordType, "recordType"),
        0);
  }

  /** Rate limited, ayb's {@code Other} type; {@code retryAfter} tells when to try again. */
  public static AybException tooManyRequests(String message, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new AybException(
        ErrorType.Other,
        Kind.RATE_LIMITED,
        Objects.requireNonNull(message, "message"),
        null,
        null,
        seconds);
  }

  /** Unavailable, ayb's {@code Other} type: busy now; {@code retryAfter} tells when to retry. */
  public static AybException unavailable(String message, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new AybException(
        ErrorType.Other,
        Kind.UNAVAILABLE,
        Objects.requireNonNull(message, "message"),
        null,
        null,
        seconds);
  }

  /** ayb's field-less {@code {"type":"SnapshotDoesNotExistError"}}, not found. */
  public static AybException snapshotDoesNotExist() {
    return new AybException(
        ErrorType.SnapshotDoesNotExistError, Kind.NOT_FOUND, null, null, null, 0);
  }

  /** A malformed request: a missing header, an unknown enum word, a bad body. */
  public static AybException badRequest(String message) {
    return new AybException(ErrorType.Other, Kind.INVALID_INPUT, message);
  }

  public ErrorType type() {
    return type;
  }

  public Kind kind() {
    return kind;
  }

  /** The message, or null for the variants that have none. */
  public String errorMessage() {
    return recordId != null || type == ErrorType.SnapshotDoesNotExistError ? null : getMessage();
  }

  public String recordId() {
    return recordId;
  }

  public String recordType() {
    return recordType;
  }

  /** Seconds until a refused request may be repeated, or 0 when that does not apply. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
