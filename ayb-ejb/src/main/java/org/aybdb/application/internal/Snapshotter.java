package org.aybdb.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryEngine;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.application.port.HostedFiles;
import org.aybdb.application.port.SnapshotArchiver;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.VersionFiles;
import org.aybdb.domain.model.snapshot.Snapshot;
import org.aybdb.domain.model.snapshot.SnapshotStorage;

/**
 * Makes and restores the snapshots of one database at a time, in ayb's format (zstd-compressed
 * copies named by the BLAKE3 hash of their content, kept in S3-compatible storage). The copy is
 * made by the database's own sandboxed daemon ({@link QueryEngine#copyInto}, {@code VACUUM INTO});
 * this process only reads that copy as bytes to hash, compress and upload it, and never opens a
 * tenant file as a database. A restore decompresses into a new version folder, checks the content
 * against the id (its BLAKE3 hash) and switches {@code current} while queries are held back.
 *
 * <p>Snapshot and restore of the same database exclude each other, so a restore never deletes the
 * version folder that a snapshot copy is being read from.
 */
@ApplicationScoped
public class Snapshotter {

  private static final Logger LOG = Logger.getLogger(Snapshotter.class.getName());

  /** What the daemon's copy's scratch name says it is for, inside the version folder. */
  static final String COPY_PURPOSE = "snapshot";

  /** How long a restore waits for a snapshot of the same database to finish. */
  static final long RESTORE_WAIT_SECONDS = 120;

  /** What one snapshot attempt did. */
  public enum Outcome {
    /** A new snapshot was uploaded (and older ones pruned). */
    UPLOADED,
    /** The content hashes to a snapshot that already exists: nothing uploaded. */
    UNCHANGED,
    /** The database has no file yet (never written): nothing to copy. */
    NO_FILE,
    /** A restore of the same database is running; tried again next time. */
    BUSY
  }

  @Inject Instance<QueryEngine> engines;
  @Inject HostedFiles files;
  @Inject SnapshotArchiver archiver;

  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /**
   * Per database, how its files looked when its content was last found in the storage. A run skips
   * a database that has not been written since (ayb copies every database every run; with many idle
   * databases and a short interval that alone would outlast the interval).
   */
  private final ConcurrentHashMap<String, Fingerprint> snapshotted = new ConcurrentHashMap<>();

  /**
   * The version folder and the size and modification time of the database file and its WAL: any
   * write changes one of them (a restore changes the folder).
   */
  record Fingerprint(Path version, long size, long modified, long walSize, long walModified) {

    static Fingerprint of(Path version, String slug) {
      Path file = version.resolve(slug);
      Path wal = version.resolve(slug + "-wal");
      try {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        boolean hasWal = Files.exists(wal);
        return new Fingerprint(
            version,
            size,
            modified,
            hasWal ? Files.size(wal) : -1,
            hasWal ? Files.getLastModifiedTime(wal).to(TimeUnit.NANOSECONDS) : -1);
      } catch (IOException e) {
        // Unknown: never equal to a recorded one, so the database is copied.
        return new Fingerprint(version, -1, System.nanoTime(), -1, -1);
      }
    }
  }

  /**
   * Snapshots {@code database} into {@code storage} unless its content is already there, then keeps
   * only the newest {@code maxSnapshots}.
   */
  public Outcome snapshot(DatabaseRef database, SnapshotStorage storage, int maxSnapshots) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(storage, "storage");
    ReentrantLock lock = lock(database);
    if (!lock.tryLock()) {
      return Outcome.BUSY;
    }
    try {
      return snapshotLocked(database, storage, maxSnapshots);
    } finally {
      lock.unlock();
    }
  }

  private Outcome snapshotLocked(DatabaseRef database, SnapshotStorage storage, int maxSnapshots) {
    String entity = database.entity();
    String slug = database.database();
    Optional<Path> version = files.currentVersion(entity, slug);
    if (version.isEmpty() || !Files.isRegularFile(version.get().resolve(slug))) {
      return Outcome.NO_FILE;
    }
    Fingerprint before = Fingerprint.of(version.get(), slug);
    if (before.equals(snapshotted.get(database.path()))) {
      // Not written since its last snapshot: no daemon is woken, nothing is copied.
      return Outcome.UNCHANGED;
    }
    removeStaleCopies(version.get(), slug);
    String copyName = VersionFiles.scratchName(COPY_PURPOSE);
    Path copy = version.get().resolve(copyName);
    Path scratch = null;
    try {
      LOG.fine(() -> "Trying to back up " + database.path());
      long started = System.nanoTime();
      QueryEngine engine = engine();
      engine.copyInto(database, copyName);
      if (!Files.isRegularFile(copy)) {
        throw new AybException(
            ErrorType.SnapshotError,
            AybException.Kind.INTERNAL,
            "The copy of " + database.path() + " was not written");
      }
      if (database.type() == DatabaseType.SQLITE) {
        // A DuckDB copy is checked by the daemon that made it (it reads the copy's tables back).
        checkIntegrity(engine, database, copy);
      }
      long copied = System.nanoTime();
      String id = archiver.hash(copy);
      long hashed = System.nanoTime();
      List<Snapshot> existing = storage.list(entity, slug);
      if (existing.stream().anyMatch(snapshot -> snapshot.id().equals(id))) {
        LOG.fine(() -> "Snapshot with hash " + id + " already exists, not uploading again.");
        snapshotted.put(database.path(), before);
        return Outcome.UNCHANGED;
      }
      LOG.fine(() -> "Uploading new snapshot of " + database.path() + " with hash " + id + ".");
      scratch =
          Files.createDirectories(
              files
                  .dataPath()
                  .toAbsolutePath()
                  .resolve("snapshots")
                  .resolve(entity)
                  .resolve(slug)
                  .resolve(UUID.randomUUID().toString()));
      Path compressed = scratch.resolve(slug + ".zst");
      long listed = System.nanoTime();
      archiver.compress(copy, compressed);
      long packed = System.nanoTime();
      storage.upload(entity, slug, id, compressed);
      long uploaded = System.nanoTime();
      long size = Files.size(copy);
      long compressedSize = Files.size(compressed);
      LOG.info(
          () ->
              String.format(
                  java.util.Locale.ROOT,
                  "Snapshot %s of %s uploaded: %.1f MB in %.2f s, %.1f MB/s (copy and check %.2f s, hash"
                      + " %.2f s, list %.2f s, zstd %.2f s to %.1f MB, upload %.2f s)",
                  id,
                  database.path(),
                  size / 1e6,
                  seconds(uploaded - started),
                  size / 1e6 / seconds(uploaded - started),
                  seconds(copied - started),
                  seconds(hashed - copied),
                  seconds(listed - hashed),
                  seconds(packed - listed),
                  compressedSize / 1e6,
                  seconds(uploaded - packed)));
      snapshotted.put(database.path(), before);
      prune(database, storage, existing, maxSnapshots);
      return Outcome.UPLOADED;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(copy);
      // What SQLite or DuckDB may have kept beside it while it was made or checked.
      for (String suffix : List.of("-journal", "-wal", "-shm", ".wal")) {
        deleteQuietly(copy.resolveSibling(copyName + suffix));
      }
      if (scratch != null) {
        deleteTree(scratch);
      }
    }
  }

  /**
   * {@code PRAGMA integrity_check} of the copy, right after it was made. ayb opens the copy in its
   * server process to check it; here no tenant-controlled file is ever opened outside a sandbox, so
   * a sandboxed daemon of its own checks it, with a copy's time limit: a check under {@code
   * [sandbox] query_timeout} would fail every snapshot of a database of a few gigabytes.
   */
  private static void checkIntegrity(QueryEngine engine, DatabaseRef database, Path copy) {
    QueryResult result;
    try {
      result =
          engine.executeOnFile(database, copy, AccessMode.READ_ONLY, "PRAGMA integrity_check(1)");
    } finally {
      engine.releaseFile(database, copy);
    }
    List<List<String>> rows = result.rows();
    if (rows.size() != 1 || rows.get(0).size() != 1 || !"ok".equals(rows.get(0).get(0))) {
      throw new AybException(
          ErrorType.SnapshotError,
          AybException.Kind.INTERNAL,
          "Integrity check of " + database.path() + " failed: " + rows);
    }
  }

  /** ayb's rule: with E snapshots before the upload, E + 1 - max of the oldest go. */
  private static void prune(
      DatabaseRef database, SnapshotStorage storage, List<Snapshot> existing, int maxSnapshots) {
    int excess = existing.size() + 1 - maxSnapshots;
    if (excess <= 0) {
      return;
    }
    LOG.info(() -> "Pruning " + excess + " oldest snapshots of " + database.path());
    List<String> oldest =
        existing.stream()
            .sorted(Comparator.comparing(Snapshot::lastModified))
            .limit(excess)
            .map(Snapshot::id)
            .toList();
    storage.delete(database.entity(), database.database(), oldest);
  }

  /**
   * Restores snapshot {@code id} of {@code database}: download and decompress into a new version
   * folder, check the content hashes to {@code id}, switch {@code current} while no query runs,
   * then delete the old version.
   */
  public void restore(DatabaseRef database, SnapshotStorage storage, String id) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(storage, "storage");
    if (!Snapshot.isWellFormedId(id)) {
      throw AybException.snapshotDoesNotExist();
    }
    QueryEngine engine = engine();
    exclusively(
        database,
        "restore",
        () -> {
          restoreLocked(database, storage, id, engine);
          return null;
        });
  }

  /**
   * Runs {@code action} while no snapshot, restore, import or copy of {@code database} runs,
   * waiting for one that does (a snapshot can take long: at most {@link #RESTORE_WAIT_SECONDS}).
   *
   * @param what the caller's word for the refusal message ("restore", "import", ...)
   */
  <T> T exclusively(DatabaseRef database, String what, java.util.function.Supplier<T> action) {
    ReentrantLock lock = lock(database);
    try {
      if (!lock.tryLock(RESTORE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AybException(
            ErrorType.SnapshotError,
            AybException.Kind.CONFLICT,
            "A snapshot of "
                + database.path()
                + " is being taken; try the "
                + what
                + " again later");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AybException(
          ErrorType.SnapshotError,
          AybException.Kind.UNAVAILABLE,
          "The " + what + " was interrupted");
    }
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes {@code version} (a new version folder holding the complete file) current while no query
   * runs on {@code database}, then deletes the version it replaced. Call it {@link #exclusively}.
   */
  void switchIn(DatabaseRef database, Path version, QueryEngine engine) {
    String entity = database.entity();
    String slug = database.database();
    Optional<Path> previous =
        engine.quiesced(database, () -> files.switchTo(entity, slug, version));
    previous.ifPresent(
        old -> {
          try {
            files.deleteVersion(entity, slug, old);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot delete the old version " + old, e);
          }
        });
  }

  private void restoreLocked(
      DatabaseRef database, SnapshotStorage storage, String id, QueryEngine engine) {
    String entity = database.entity();
    String slug = database.database();
    Path version = files.newVersion(entity, slug);
    boolean switched = false;
    try {
      Path file = version.resolve(slug);
      String[] hash = new String[1];
      storage.download(
          entity,
          slug,
          id,
          in -> {
            try {
              hash[0] = archiver.decompress(in, file);
            } catch (SnapshotArchiver.DamagedArchiveException e) {
              throw damaged(id, e.getMessage());
            } catch (IOException e) {
              LOG.warning(() -> "Downloading snapshot " + id + " failed: " + e.getMessage());
              throw new AybException(
                  ErrorType.S3ConnectionError,
                  AybException.Kind.UNAVAILABLE,
                  "Downloading snapshot " + id + " failed; try again later");
            }
          });
      // The id is the BLAKE3 hash of a copy that passed PRAGMA integrity_check when it was made:
      // equal hashes mean these are exactly those bytes, so no tenant file is opened here to check.
      if (!id.equals(hash[0])) {
        throw damaged(id, "its content hashes to " + hash[0]);
      }
      switchIn(database, version, engine);
      switched = true;
      LOG.info(() -> "Restored " + database.path() + " to snapshot " + id);
    } finally {
      if (!switched) {
        deleteTree(version);
      }
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static AybException damaged(String id, String why) {
    return new AybException(
        ErrorType.SnapshotError,
        AybException.Kind.UPSTREAM_FAILED,
        "Snapshot " + id + " is damaged: " + why);
  }

  QueryEngine engine() {
    if (!engines.isResolvable()) {
      throw new AybException(
          ErrorType.Other,
          AybException.Kind.UNAVAILABLE,
          "Snapshots are not available: no query engine is installed");
    }
    return engines.get();
  }

  private ReentrantLock lock(DatabaseRef database) {
    return locks.computeIfAbsent(database.path(), path -> new ReentrantLock());
  }

  /**
   * Copies left by a run that died (a crash, a kill): none can be in use while we hold the lock.
   */
  private static void removeStaleCopies(Path version, String slug) {
    try (Stream<Path> files = Files.list(version)) {
      files
          .filter(
              file -> VersionFiles.isScratchFor(COPY_PURPOSE, file.getFileName().toString(), slug))
          .forEach(Snapshotter::deleteQuietly);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot list " + version, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot delete " + file, e);
    }
  }

  static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot delete " + folder, e);
    }
  }
}
