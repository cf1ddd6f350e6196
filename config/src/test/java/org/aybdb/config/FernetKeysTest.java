package org.aybdb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FernetKeysTest {

  @TempDir Path temp;

  @Test
  void generatesPaddedUrlSafeKeysOf32Bytes() {
    String key = FernetKeys.generate();
    assertEquals(44, key.length());
    assertTrue(key.endsWith("="));
    assertTrue(key.matches("[A-Za-z0-9_-]{43}="), key);
    assertTrue(FernetKeys.isValid(key));
    assertNotEquals(key, FernetKeys.generate());
  }

  @Test
  void validatesKeys() {
    assertTrue(FernetKeys.isValid("6YZ30vB7NenAVb9v1A070jKOroSYFENOUPMpDl79ul0="));
    assertFalse(FernetKeys.isValid(null));
    assertFalse(FernetKeys.isValid(""));
    assertFalse(FernetKeys.isValid("not a key"));
    // 31 bytes
    assertFalse(FernetKeys.isValid("6YZ30vB7NenAVb9v1A070jKOroSYFENOUPMpDl79ug=="));
    // standard (not URL-safe) alphabet
    assertFalse(FernetKeys.isValid("+YZ30vB7NenAVb9v1A070jKOroSYFENOUPMpDl79ul0="));
  }

  @Test
  void createsTheKeyFileOnceWithOwnerOnlyPermissions() throws Exception {
    Path dataPath = temp.resolve("nested/data");
    String key = FernetKeys.readOrCreate(dataPath);
    Path keyFile = dataPath.resolve("fernet.key");
    assertEquals(key, Files.readString(keyFile));
    assertTrue(FernetKeys.isValid(key));
    assertEquals(key, FernetKeys.readOrCreate(dataPath));
    if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    }
    try (var files = Files.list(dataPath)) {
      assertEquals(List.of(keyFile), files.toList(), "no temp files left behind");
    }
  }

  @Test
  void concurrentStartsAgreeOnOneKey() throws Exception {
    Path dataPath = temp.resolve("race");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> tasks = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        tasks.add(() -> FernetKeys.readOrCreate(dataPath));
      }
      Set<String> keys = new HashSet<>();
      for (Future<String> result : pool.invokeAll(tasks)) {
        keys.add(result.get());
      }
      assertEquals(1, keys.size(), keys.toString());
      assertEquals(keys.iterator().next(), Files.readString(dataPath.resolve("fernet.key")));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsAGarbledKeyFile() throws Exception {
    Files.writeString(temp.resolve("fernet.key"), "garbage\n");
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> FernetKeys.readOrCreate(temp));
    assertTrue(
        e.getMessage().startsWith("Missing or invalid Fernet key in authentication.fernet_key"),
        e.getMessage());
    assertTrue(e.getMessage().contains(temp.resolve("fernet.key").toString()), e.getMessage());
  }

  @Test
  void acceptsAKeyFileWithATrailingNewline() throws Exception {
    String key = FernetKeys.generate();
    Files.writeString(temp.resolve("fernet.key"), key + "\n");
    assertEquals(key, FernetKeys.readOrCreate(temp));
  }
}
