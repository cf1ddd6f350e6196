package org.aybdb.application;

import jakarta.ejb.ApplicationException;
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

  public AybException(ErrorType type, int status, String message) {
    this(type, status, Objects.requireNonNull(message, "message"), null, null);
  }

  private AybException(
      ErrorType type, int status, String message, String recordId, String recordType) {
    super(message == null ? type.name() : message, null, false, false);
    this.type = Objects.requireNonNull(type, "type");
    this.status = status;
    this.recordId = recordId;
    this.recordType = recordType;
  }

  /** ayb's {@code {"type":"RecordNotFound","id":...,"record_type":...}}, with 404. */
  public static AybException recordNotFound(String id, String recordType) {
    return new AybException(
        ErrorType.RecordNotFound,
        404,
        null,
        Objects.requireNonNull(id, "id"),
        Objects.requireNonNull(recordType, "recordType"));
  }

  /** ayb's field-less {@code {"type":"SnapshotDoesNotExistError"}}, with 404. */
  public static AybException snapshotDoesNotExist() {
    return new AybException(ErrorType.SnapshotDoesNotExistError, 404, null, null, null);
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
}
