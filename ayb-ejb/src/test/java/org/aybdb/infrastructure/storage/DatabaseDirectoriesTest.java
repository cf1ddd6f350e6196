package org.aybdb.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseDirectoriesTest {

  @TempDir Path data;

  @Test
  void aNewDatabaseHasNoCurrentVersionUntilSwitched() {
    var directories = new DatabaseDirectories(data);
    Path version = directories.newVersion("marcua", "test.sqlite");

    assertEquals(Optional.empty(), directories.currentVersion("marcua", "test.sqlite"));
    assertEquals(Optional.empty(), directories.switchTo("marcua", "test.sqlite", version));
    assertEquals(Optional.of(version), directories.currentVersion("marcua", "test.sqlite"));
    assertEquals(
        Optional.of(
            data.resolve("databases/marcua/test.sqlite")
                .resolve(version.getFileName())
                .resolve("test.sqlite")),
        directories.currentFile("marcua", "test.sqlite"));
    assertTrue(Files.isSymbolicLink(data.resolve("databases/marcua/test.sqlite/current")));
  }

  @Test
  void switchingReturnsThePreviousVersionAndOldOnesCanBeDeleted() throws Exception {
    var directories = new DatabaseDirectories(data);
    Path first = directories.newVersion("e", "d.sqlite");
    directories.switchTo("e", "d.sqlite", first);
    Files.writeString(first.resolve("d.sqlite"), "old");
    Path second = directories.newVersion("e", "d.sqlite");

    assertEquals(Optional.of(first), directories.switchTo("e", "d.sqlite", second));
    assertThrows(
        IllegalStateException.class, () -> directories.deleteVersion("e", "d.sqlite", second));
    directories.deleteVersion("e", "d.sqlite", first);
    assertFalse(Files.exists(first));
    assertEquals(Optional.of(second), directories.currentVersion("e", "d.sqlite"));
    assertFalse(Files.exists(data.resolve("databases/e/d.sqlite/current.tmp")));
  }

  @Test
  void aSwitchByAnotherInstanceIsSeenAtOnce() throws Exception {
    var reader = new DatabaseDirectories(data);
    var writer = new DatabaseDirectories(data);
    Path first = writer.newVersion("e", "d.sqlite");
    writer.switchTo("e", "d.sqlite", first);
    assertEquals(Optional.of(first), reader.currentVersion("e", "d.sqlite"));

    Path second = writer.newVersion("e", "d.sqlite");
    writer.switchTo("e", "d.sqlite", second);
    assertEquals(Optional.of(second), reader.currentVersion("e", "d.sqlite"));
  }

  @Test
  void aLinkChangedBehindTheServersBackIsFollowedOnceItsReadingIsOld() throws Exception {
    var reader = new DatabaseDirectories(data, 1_000_000_000L);
    var writer = new DatabaseDirectories(data);
    Path first = writer.newVersion("e", "d.sqlite");
    writer.switchTo("e", "d.sqlite", first);
    assertEquals(Optional.of(first), reader.currentVersion("e", "d.sqlite"));

    // Another process replaces the link (no switch made in this server): trusted for a while.
    Path other = writer.newVersion("e", "d.sqlite");
    Path link = data.resolve("databases/e/d.sqlite/current");
    Files.delete(link);
    Files.createSymbolicLink(link, other);
    assertEquals(Optional.of(first), reader.currentVersion("e", "d.sqlite"));
    Thread.sleep(1_100);
    assertEquals(Optional.of(other), reader.currentVersion("e", "d.sqlite"));

    Path folder = data.resolve("databases/e/d.sqlite");
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    Thread.sleep(1_100);
    assertEquals(Optional.empty(), reader.currentVersion("e", "d.sqlite"));
    assertEquals(Optional.empty(), reader.currentFile("e", "d.sqlite"));
  }

  @Test
  void versionFoldersSortByCreationTime() throws Exception {
    var directories = new DatabaseDirectories(data);
    Path first = directories.newVersion("e", "d");
    Thread.sleep(2);
    Path second = directories.newVersion("e", "d");
    assertTrue(first.getFileName().toString().compareTo(second.getFileName().toString()) < 0);
    assertEquals(7, UUID.fromString(second.getFileName().toString()).version());
  }

  @Test
  void pathsNeverLeaveTheDataFolder() {
    var directories = new DatabaseDirectories(data);
    for (String bad :
        new String[] {"..", ".", "a/b", "", "x\u0000", "../etc", "a\\b", "é", "a b", "%2f", "~"}) {
      assertThrows(IllegalArgumentException.class, () -> directories.databaseFolder("e", bad), bad);
      assertThrows(IllegalArgumentException.class, () -> directories.databaseFolder(bad, "d"), bad);
    }
    Path elsewhere = data.resolve("elsewhere");
    assertThrows(IllegalArgumentException.class, () -> directories.switchTo("e", "d", elsewhere));
  }
}
