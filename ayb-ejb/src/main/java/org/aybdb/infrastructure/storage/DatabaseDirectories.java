package org.aybdb.infrastructure.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.aybdb.domain.model.Slugs;

/**
 * The on-disk layout of hosted databases, the same as ayb's: {@code
 * <data_path>/databases/<entity>/<database>/<uuidv7>/<database>}, one folder per version, and a
 * {@code current} symbolic link to the active one. Switching writes {@code current.tmp} and renames
 * it over {@code current}, so a reader sees the old version or the new one, never a mix. That is
 * what lets create, restore and import replace a database atomically.
 */
public final class DatabaseDirectories {

  static final String CURRENT = "current";

  /**
   * Bounds {@link #resolved}: databases come and go, and a deleted one's entry is not read again.
   */
  private static final int MAX_RESOLVED = 10_000;

  private final Path databasesRoot;

  /**
   * How long a {@code current} link, once read, is taken to be unchanged while no switch was made
   * in this server: the link is read again after that, so a link another process replaced is
   * followed within this time. Every switch made here is followed at once (see {@link #SWITCHES}).
   */
  static final long TRUSTED_NANOS = 1_000_000_000L;

  /**
   * Switches made in this server through any instance: a link read before the last one is read
   * again. Static because several adapters keep instances over the same data folder.
   */
  private static final AtomicLong SWITCHES = new AtomicLong();

  /** The active versions by database, as last read (see {@link #currentVersion}). */
  private final Map<Name, Resolved> resolved = new ConcurrentHashMap<>();

  private final long trustedNanos;

  public DatabaseDirectories(Path dataPath) {
    this(dataPath, TRUSTED_NANOS);
  }

  /** With another trust window for links read (tests). */
  DatabaseDirectories(Path dataPath, long trustedNanos) {
    this.trustedNanos = trustedNanos;
    this.databasesRoot =
        Objects.requireNonNull(dataPath, "dataPath")
            .toAbsolutePath()
            .normalize()
            .resolve("databases");
  }

  /** {@code <data_path>/databases/<entity>}: the folders of an entity's databases. */
  public Path entityFolder(String entity) {
    return databaseFolder(entity, "probe").getParent();
  }

  /** {@code <data_path>/databases/<entity>/<database>}. */
  public Path databaseFolder(String entity, String database) {
    Path folder = databasesRoot.resolve(segment(entity)).resolve(segment(database)).normalize();
    if (!folder.startsWith(databasesRoot)
        || folder.getNameCount() != databasesRoot.getNameCount() + 2) {
      throw new IllegalArgumentException("Not a database path: " + entity + "/" + database);
    }
    return folder;
  }

  /** Makes a new, empty version folder; it is not active until {@link #switchTo}. */
  public Path newVersion(String entity, String database) {
    Path folder = databaseFolder(entity, database).resolve(UuidV7.next().toString());
    try {
      Files.createDirectories(folder);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + folder, e);
    }
  }

  /**
   * Makes {@code version} the active version. Its files and folder are flushed to disk first, and
   * the link's rename after: the caller deletes the old version once this returns, so a power
   * failure must not leave the link naming a file whose bytes never reached the disk.
   *
   * @return the version that was active before, if any
   */
  public Optional<Path> switchTo(String entity, String database, Path version) {
    Path folder = databaseFolder(entity, database);
    Path target = version.toAbsolutePath().normalize();
    if (!target.getParent().equals(folder) || !Files.isDirectory(target)) {
      throw new IllegalArgumentException(
          "Not a version of " + entity + "/" + database + ": " + version);
    }
    Optional<Path> previous = currentVersion(entity, database);
    Path temporary = folder.resolve(CURRENT + ".tmp");
    try {
      syncContents(target);
      Files.deleteIfExists(temporary);
      Files.createSymbolicLink(temporary, target);
      try {
        Files.move(
            temporary,
            folder.resolve(CURRENT),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("The data folder cannot rename atomically: " + folder, e);
      } finally {
        SWITCHES.incrementAndGet();
      }
      sync(folder);
      return previous.filter(old -> !old.equals(target));
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("Concurrent switch of " + entity + "/" + database, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot switch " + entity + "/" + database, e);
    }
  }

  /** Flushes every regular file of {@code folder}, then the folder itself. */
  private static void syncContents(Path folder) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        sync(file);
      }
    }
    sync(folder);
  }

  /**
   * {@code fsync} of a file or, on Linux, a folder (its entries); where a folder cannot be opened
   * for it, its entries are left to the file system.
   */
  private static void sync(Path path) throws IOException {
    try (java.nio.channels.FileChannel channel =
        java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (!Files.isDirectory(path)) {
        throw e;
      }
    }
  }

  /** The active version folder, if the database has one. */
  public Optional<Path> currentVersion(String entity, String database) {
    // Every query asks (the pool checks that its daemon serves the current file): a link read
    // lately, with no switch made here since, is taken as it was, which saves a system call and
    // the path work of every query.
    Name name = new Name(entity, database);
    long switches = SWITCHES.get();
    long now = System.nanoTime();
    Resolved known = resolved.get(name);
    if (known != null && known.switches() == switches && now - known.readAt() < trustedNanos) {
      return Optional.of(known.real());
    }
    Path link = databaseFolder(entity, database).resolve(CURRENT);
    Path target;
    try {
      target = Files.readSymbolicLink(link);
    } catch (NotLinkException | NoSuchFileException e) {
      resolved.remove(name);
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + link, e);
    }
    // Resolving the real path costs a system call per folder of it: reused while the link still
    // names the same version.
    if (known != null && known.target().equals(target)) {
      resolved.put(name, new Resolved(target, known.real(), switches, now));
      return Optional.of(known.real());
    }
    try {
      Path real = link.toRealPath();
      if (resolved.size() >= MAX_RESOLVED) {
        resolved.clear();
      }
      resolved.put(name, new Resolved(target, real, switches, now));
      return Optional.of(real);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + link, e);
    }
  }

  /** A database by entity and name, as the cache's key. */
  private record Name(String entity, String database) {}

  /**
   * A {@code current} link's target as written, the real path it resolved to, and the switch count
   * and time when it was read.
   */
  private record Resolved(Path target, Path real, long switches, long readAt) {}

  /** The active database file (which may not exist yet: SQLite creates it on first write). */
  public Optional<Path> currentFile(String entity, String database) {
    return currentVersion(entity, database).map(version -> version.resolve(segment(database)));
  }

  /** Deletes a version folder that is no longer active. */
  public void deleteVersion(String entity, String database, Path version) {
    Path target = version.toAbsolutePath().normalize();
    if (!target.getParent().equals(databaseFolder(entity, database))) {
      throw new IllegalArgumentException("Not a version of " + entity + "/" + database);
    }
    if (currentVersion(entity, database).map(target::equals).orElse(false)) {
      throw new IllegalStateException("Refusing to delete the active version " + target);
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(target)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + target, e);
    }
  }

  private static String segment(String slug) {
    Objects.requireNonNull(slug, "slug");
    // Slugs are validated long before; this only keeps a path from ever leaving the data folder.
    if (slug.isEmpty() || slug.equals(".") || slug.equals("..") || !Slugs.allowedCharacters(slug)) {
      throw new IllegalArgumentException("Not a valid slug: " + slug);
    }
    return slug;
  }
}
