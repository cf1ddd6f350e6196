package org.aybdb.domain.model.snapshot;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stored copy of one hosted database at one moment. Its id is the lowercase hex BLAKE3 hash of
 * the uncompressed copy (a {@code VACUUM INTO} file), so an unchanged database yields the same id
 * and is not stored twice, and a restored file can be checked against the id it was restored from.
 *
 * @param id 64 lowercase hex characters
 * @param lastModified when the storage received it; snapshots are ordered by it
 */
public record Snapshot(String id, Instant lastModified) {

  private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

  public Snapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lastModified, "lastModified");
  }

  /** Whether {@code candidate} has the form of a snapshot id (a BLAKE3 hash in lowercase hex). */
  public static boolean isWellFormedId(String candidate) {
    return candidate != null && ID.matcher(candidate).matches();
  }
}
