package org.aybdb.cli.client.api;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.util.Set;

/**
 * An error the ayb server reported: its JSON body {@code {"type": "<variant>", ...}}, whatever the
 * HTTP status. {@link #display()} is the text ayb's CLI prints after {@code Error: }.
 */
public record AybError(String type, String message, String id, String recordType) {

  /** Variants whose display is just their message. */
  private static final Set<String> MESSAGE_ONLY =
      Set.of(
          "Other",
          "ConfigurationError",
          "CantSetOwnerPermissions",
          "EmailError",
          "InvalidSlug",
          "InvalidToken",
          "NoWriteAccessError",
          "RegistrationError",
          "EmptyUpdateError",
          "Unauthorized");

  /** Variants with a message whose display is Rust's Debug form {@code Type { message: "..." }}. */
  private static final Set<String> DEBUG_WITH_MESSAGE =
      Set.of(
          "DurationParseError",
          "QueryError",
          "S3ExecutionError",
          "S3ConnectionError",
          "SnapshotError");

  public static final String RECORD_NOT_FOUND = "RecordNotFound";
  public static final String SNAPSHOT_DOES_NOT_EXIST = "SnapshotDoesNotExistError";

  /** An error made on this side (ayb's {@code AybError::Other}). */
  public static AybError other(String message) {
    return new AybError("Other", message, null, null);
  }

  /**
   * Reads an error body.
   *
   * @throws JsonException if it is not one of ayb's error shapes
   */
  public static AybError parse(JsonObject body) {
    String type = Json.optionalString(body, "type");
    if (type == null) {
      throw new JsonException("missing field `type`");
    }
    if (RECORD_NOT_FOUND.equals(type)) {
      return new AybError(
          type, null, Json.requiredString(body, "id"), Json.requiredString(body, "record_type"));
    }
    if (SNAPSHOT_DOES_NOT_EXIST.equals(type)) {
      return new AybError(type, null, null, null);
    }
    if (MESSAGE_ONLY.contains(type) || DEBUG_WITH_MESSAGE.contains(type)) {
      return new AybError(type, Json.requiredString(body, "message"), null, null);
    }
    // A variant this client does not know (a newer server): its message is the best display.
    String message = Json.optionalString(body, "message");
    if (message == null) {
      throw new JsonException("unknown variant `" + type + "`");
    }
    return new AybError(type, message, null, null);
  }

  /** What ayb prints for this error after {@code Error: }. */
  public String display() {
    if (RECORD_NOT_FOUND.equals(type)) {
      return "RecordNotFound { id: "
          + RustDebug.string(id)
          + ", record_type: "
          + RustDebug.string(recordType)
          + " }";
    }
    if (SNAPSHOT_DOES_NOT_EXIST.equals(type)) {
      return type;
    }
    if (DEBUG_WITH_MESSAGE.contains(type)) {
      return type + " { message: " + RustDebug.string(message) + " }";
    }
    return message;
  }
}
