package org.aybdb.application.port;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of hosted databases on the data volume: each database has version folders, one of which
 * is current; a new content is written into a new version and switched in atomically.
 */
public interface HostedFiles {

  /** The data volume's root, for scratch folders (exports, snapshots). */
  Path dataPath();

  /** Creates a new, empty version folder of {@code database}. */
  Path newVersion(String entity, String database);

  /** Makes {@code version} current; returns the version it replaced. */
  Optional<Path> switchTo(String entity, String database, Path version);

  /** The current version folder, if the database has one. */
  Optional<Path> currentVersion(String entity, String database);

  /** Deletes a version folder that is no longer current. */
  void deleteVersion(String entity, String database, Path version);

  /** Bytes on disk of one database (all its files). */
  long bytes(String entity, String database);

  /** Bytes on disk of all of an entity's databases. */
  long entityBytes(String entity);

  /** Bytes of the current database file alone. */
  long fileBytes(String entity, String database);
}
