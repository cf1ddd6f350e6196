package org.aybdb.application;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A change to an entity's profile, as ayb's {@code PATCH /v1/entity/{entity}} body gives it: each
 * field is either absent (unchanged), null (cleared) or a new value. {@code links} is a JSON text
 * holding an array of {@code {"url": ...}} objects. Unknown keys are ignored.
 */
public final class ProfileUpdate {

  /** The fields that can be updated, with their JSON names and longest allowed values. */
  public enum Field {
    DISPLAY_NAME("display_name", 35),
    DESCRIPTION("description", 100),
    ORGANIZATION("organization", 35),
    LOCATION("location", 35),
    LINKS("links", Integer.MAX_VALUE);

    private final String key;
    private final int maxLength;

    Field(String key, int maxLength) {
      this.key = key;
      this.maxLength = maxLength;
    }

    public String key() {
      return key;
    }

    /** The most characters the metadata store keeps for this field. */
    public int maxLength() {
      return maxLength;
    }
  }

  // EnumMap allows null values: a present key with a null value clears the field.
  private final Map<Field, String> values;

  private ProfileUpdate(Map<Field, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * The update described by a PATCH body's keys and values (null values clear), ignoring keys that
   * are no profile field.
   */
  public static ProfileUpdate of(Map<String, String> body) {
    Objects.requireNonNull(body, "body");
    Map<Field, String> values = new EnumMap<>(Field.class);
    for (Field field : Field.values()) {
      if (body.containsKey(field.key())) {
        values.put(field, body.get(field.key()));
      }
    }
    return new ProfileUpdate(values);
  }

  /** Whether no field is changed. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Whether {@code field} is changed. */
  public boolean changes(Field field) {
    return values.containsKey(field);
  }

  /** The new value of a changed field; null clears it. */
  public String value(Field field) {
    return values.get(field);
  }
}
