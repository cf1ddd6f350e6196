package org.aybdb.domain.model.database;

import java.util.Objects;
import java.util.UUID;

/**
 * The files of one version folder of a hosted database: the database file itself (named by its
 * slug), its engine's companions of it (SQLite's {@code -wal}, {@code -shm}, {@code -journal},
 * DuckDB's {@code .wal}) and the server's scratch copies (a snapshot's or an export's {@code VACUUM
 * INTO} while it is taken).
 *
 * <p>A scratch copy's name starts with {@code +}, a character no slug may contain, so that no
 * database's own file can ever be taken for one: a tenant's storage is every file that is not
 * scratch, and the copies left by a crash are deleted by name. Until 2026-12-06 scratch names
 * started with a dot, which slugs allow: a database named {@code .copy-notes} lost its file to the
 * next export's clean-up, and one named {@code .big} was not counted against its owner's quota.
 * Copies left under those old names are still recognised, but never a database's own file.
 */
public final class VersionFiles {

  private static final String SCRATCH_MARK = "+";

  private VersionFiles() {}

  /** A new scratch file name for {@code purpose} (a word: {@code copy}, {@code snapshot}). */
  public static String scratchName(String purpose) {
    return SCRATCH_MARK + Objects.requireNonNull(purpose, "purpose") + "-" + UUID.randomUUID();
  }

  /** Whether {@code fileName}, in a version folder of database {@code slug}, is a scratch copy. */
  public static boolean isScratch(String fileName, String slug) {
    Objects.requireNonNull(fileName, "fileName");
    return fileName.startsWith(SCRATCH_MARK)
        || (isLegacyScratch(fileName) && !isOwn(fileName, slug));
  }

  /**
   * Whether {@code fileName}, in a version folder of database {@code slug}, is a scratch copy made
   * for {@code purpose} (one a crash may have left behind).
   */
  public static boolean isScratchFor(String purpose, String fileName, String slug) {
    Objects.requireNonNull(purpose, "purpose");
    return isScratch(fileName, slug)
        && (fileName.startsWith(SCRATCH_MARK + purpose + "-")
            || fileName.startsWith("." + purpose + "-"));
  }

  private static boolean isLegacyScratch(String fileName) {
    return fileName.startsWith(".copy-") || fileName.startsWith(".snapshot-");
  }

  /**
   * The database file or one its engine keeps beside it (SQLite's {@code -wal}, {@code -shm},
   * {@code -journal}; DuckDB's {@code .wal}), whose names all begin with the slug.
   */
  private static boolean isOwn(String fileName, String slug) {
    Objects.requireNonNull(slug, "slug");
    return fileName.equals(slug)
        || fileName.startsWith(slug + "-")
        || fileName.startsWith(slug + ".");
  }
}
