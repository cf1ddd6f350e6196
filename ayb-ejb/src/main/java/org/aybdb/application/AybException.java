package org.aybdb.application;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Objects;

/**
 * A failure that a caller should see: ayb's error {@link ErrorType}, a message (absent for {@code
 * RecordNotFound} and {@code SnapshotDoesNotExistError}, which carry other fields) and the HTTP
 * status that fits it. Our statuses differ from ayb's blanket 500 on purpose: 400 for malformed
 * input, 401 for credentials, 403 for a known caller without the right, 404, 409, 413, 429.
 */
@ApplicationException(rollback = true)
public class AybException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorType type;
  private final int status;
  private final String recordId;
  private final String recordType;
  private final long retryAfterSeconds;

  public AybException(ErrorType type, int status, String message) {
    this(type, status, Objects.requireNonNull(message, "message"), null, null, 0);
  }

  private AybException(
      ErrorType type,
      int status,
      String message,
      String recordId,
      String recordType,
      long retryAfterSeconds) {
    super(message == null ? type.name() : message, null, false, false);
    this.type = Objects.requireNonNull(type, "type");
    this.status = status;
    this.recordId = recordId;
    this.recordType = recordType;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** ayb's {@code {"type":"RecordNotFound","id":...,"record_type":...}}, with 404. */
  public static AybException recordNotFound(String id, String recordType) {
    return recordNotFound(id, recordType, 404);
  }

  /**
   * ayb's {@code RecordNotFound} with another status, e.g. 401 for an API token that does not
   * exist.
   */
  public static AybException recordNotFound(String id, String recordType, int status) {
    return new AybException(
        ErrorType.RecordNotFound,
        status,
        null,
        Objects.requireNonNull(id, "id"),
        Objects.requireNonNull(recordType, "recordType"),
        0);
  }

  /** 429 with ayb's {@code Other} type; {@code retryAfter} becomes the Retry-After header. */
  public static AybException tooManyRequests(String message, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new AybException(
        ErrorType.Other, 429, Objects.requireNonNull(message, "message"), null, null, seconds);
  }

  /** 503 with ayb's {@code Other} type: busy now; {@code retryAfter} becomes Retry-After. */
  public static AybException unavailable(String message, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new AybException(
        ErrorType.Other, 503, Objects.requireNonNull(message, "message"), null, null, seconds);
  }

  /** ayb's field-less {@code {"type":"SnapshotDoesNotExistError"}}, with 404. */
  public static AybException snapshotDoesNotExist() {
    return new AybException(ErrorType.SnapshotDoesNotExistError, 404, null, null, null, 0);
  }

  /** A malformed request: a missing header, an unknown enum word, a bad body. */
  public static AybException badRequest(String message) {
    return new AybException(ErrorType.Other, 400, message);
  }

  public ErrorType type() {
    return type;
  }

  public int status() {
    return status;
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
