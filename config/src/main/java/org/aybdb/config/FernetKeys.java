package org.aybdb.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Fernet keys as ayb uses them: 32 random bytes (16 signing, 16 encryption) in URL-safe base64 with
 * padding, 44 characters. Also keeps the server's key in {@code <data_path>/fernet.key} when the
 * configuration does not set one.
 */
public final class FernetKeys {

  /** The file under {@code data_path} holding the generated key. */
  public static final String KEY_FILE_NAME = "fernet.key";

  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private FernetKeys() {}

  /** A fresh random key, e.g. {@code 6YZ30vB7NenAVb9v1A070jKOroSYFENOUPMpDl79ul0=}. */
  public static String generate() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return Base64.getUrlEncoder().encodeToString(key);
  }

  /** Whether {@code key} is URL-safe base64 that decodes to exactly 32 bytes. */
  public static boolean isValid(String key) {
    if (key == null || key.isEmpty()) {
      return false;
    }
    try {
      return Base64.getUrlDecoder().decode(key).length == KEY_BYTES;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /**
   * Reads {@code <dataPath>/fernet.key}, or generates a key and stores it there first. The file
   * appears atomically and complete (temp file, then a hard link that fails if the name exists), so
   * two servers starting at once agree on one key: the loser reads the winner's.
   *
   * @throws ConfigurationException if the file holds no valid key or cannot be read or written
   */
  static String readOrCreate(Path dataPath) {
    Objects.requireNonNull(dataPath, "dataPath");
    Path keyFile = dataPath.resolve(KEY_FILE_NAME).toAbsolutePath().normalize();
    if (Files.exists(keyFile)) {
      return read(keyFile);
    }
    try {
      Files.createDirectories(keyFile.getParent());
      Path temp =
          Files.createTempFile(keyFile.getParent(), ".fernet.key.", ".tmp", ownerOnly(keyFile));
      try {
        Files.writeString(temp, generate(), StandardCharsets.US_ASCII);
        publish(temp, keyFile);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot create the Fernet key file "
              + keyFile
              + ": "
              + e
              + " (set authentication.fernet_key or make data_path writable)",
          e);
    }
    // Read back rather than trusting our own value: another process may have won the race.
    return read(keyFile);
  }

  private static void publish(Path temp, Path keyFile) throws IOException {
    try {
      Files.createLink(keyFile, temp);
    } catch (FileAlreadyExistsException someoneElseWasFaster) {
      // Fine: their key is complete, we use it.
    } catch (UnsupportedOperationException | IOException noHardLinks) {
      // File systems without hard links: an atomic rename is the next best thing.
      if (!Files.exists(keyFile)) {
        Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  private static String read(Path keyFile) {
    String key;
    try {
      // ISO-8859-1 decodes any byte, so a garbled file is reported as an invalid key, not an I/O
      // error.
      key = Files.readString(keyFile, StandardCharsets.ISO_8859_1).strip();
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read the Fernet key file " + keyFile + ": " + e, e);
    }
    if (!isValid(key)) {
      throw new ConfigurationException(
          "Missing or invalid Fernet key in authentication.fernet_key (read from "
              + keyFile
              + ": not URL-safe base64 of 32 bytes; fix or delete the file, or set"
              + " authentication.fernet_key)");
    }
    return key;
  }

  private static FileAttribute<?>[] ownerOnly(Path file) {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
      };
    }
    return new FileAttribute<?>[0];
  }
}
