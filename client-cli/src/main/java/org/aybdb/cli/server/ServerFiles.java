package org.aybdb.cli.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.aybdb.config.DefaultServerConfig;

/**
 * The launcher's working files under {@code <data_path>/.server/}, rewritten on every start:
 *
 * <ul>
 *   <li>{@code payara-preboot.txt}: the pre-boot commands shipped by the config module, plus the
 *       HTTP listener's bind address when {@code host} is not {@code 0.0.0.0};
 *   <li>{@code logging.properties}: the quiet logging of the config module;
 *   <li>{@code payara-root/}: Payara Micro's root directory (unpacked runtime, generated domain
 *       configuration). Emptied before each start: Payara would otherwise redeploy the previous
 *       run's copy of the WAR next to the new one and keep settings of earlier starts. Removed
 *       again when the server has stopped;
 *   <li>{@code server.lock}: held while the launcher runs, so that two servers never share a data
 *       path.
 * </ul>
 *
 * The directory name starts with a dot, which no entity slug can, so it never collides with hosted
 * databases under {@code data_path}.
 */
final class ServerFiles {

  static final String DIRECTORY = ".server";
  static final String RESOURCES = "files/";
  static final String PREBOOT = "payara-preboot.txt";
  static final String LOGGING = "logging.properties";
  static final String PAYARA_ROOT = "payara-root";
  static final String LOCK = "server.lock";

  /** The Payara Micro asadmin setting that binds the HTTP listener to one address. */
  static final String LISTENER_ADDRESS =
      "set configs.config.server-config.network-config.network-listeners.network-listener"
          + ".http-listener.address=";

  /** Strongly held: an unreachable channel may be closed by a cleaner, releasing the lock. */
  private static final java.util.List<FileLock> HELD =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  private final Path directory;

  ServerFiles(Path dataPath) {
    this.directory = dataPath.toAbsolutePath().normalize().resolve(DIRECTORY);
  }

  Path directory() {
    return directory;
  }

  Path prebootFile() {
    return directory.resolve(PREBOOT);
  }

  Path loggingFile() {
    return directory.resolve(LOGGING);
  }

  Path payaraRoot() {
    return directory.resolve(PAYARA_ROOT);
  }

  /**
   * Takes the data path's lock for the lifetime of this JVM.
   *
   * @throws CliException when another {@code ayb server} holds it
   */
  FileLock lock(Path dataPath) {
    try {
      Files.createDirectories(directory);
      FileChannel channel =
          FileChannel.open(
              directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new CliException(
            ExitCodes.ERROR,
            "another ayb server is already running with data_path "
                + dataPath.toAbsolutePath().normalize());
      }
      // The channel stays open (and the lock held) until the JVM exits.
      HELD.add(lock);
      return lock;
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.ERROR, "cannot lock " + directory.resolve(LOCK) + ": " + reason(e), e);
    }
  }

  /** Writes the pre-boot and logging files and empties Payara's root directory. */
  void prepare(String host) {
    try {
      Files.createDirectories(directory);
      String preboot = resource(PREBOOT);
      if (!isWildcard(host)) {
        if (!preboot.isEmpty() && !preboot.endsWith("\n")) {
          preboot += "\n";
        }
        preboot +=
            "# Added by ayb server: bind only to the configured host.\n"
                + LISTENER_ADDRESS
                + host
                + "\n";
      }
      Files.writeString(prebootFile(), preboot, StandardCharsets.UTF_8);
      Files.writeString(loggingFile(), resource(LOGGING), StandardCharsets.UTF_8);
      deleteRecursively(payaraRoot());
      Files.createDirectories(payaraRoot());
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.ERROR, "cannot prepare the server files in " + directory + ": " + reason(e), e);
    }
  }

  /** Deletes Payara's root directory after the server stopped; failures are not worth a word. */
  void removePayaraRoot() {
    try {
      deleteRecursively(payaraRoot());
    } catch (IOException | RuntimeException e) {
      // The next start empties it anyway.
    }
  }

  static boolean isWildcard(String host) {
    return host.isBlank() || "0.0.0.0".equals(host);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DefaultServerConfig.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new CliException(
            ExitCodes.SOFTWARE,
            "org/aybdb/config/" + RESOURCES + name + " is missing from ayb-cli.jar; rebuild ayb");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Deletes a directory tree without following symbolic links; a missing tree is fine. */
  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static String reason(IOException e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    if (e instanceof NoSuchFileException) {
      return "no such file or directory " + message;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied on " + message;
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return message + " exists and is not a directory";
    }
    return message == null ? type : message;
  }
}
