package org.aybdb.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aybdb.domain.model.database.VersionFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageUsageTest {

  @TempDir Path data;

  @Test
  void everyFileOfTheVersionCountsButTheServersScratchCopies() throws Exception {
    var directories = new DatabaseDirectories(data);
    Path version = directory(directories, "e", "d.sqlite");
    Files.write(version.resolve("d.sqlite"), new byte[1000]);
    Files.write(version.resolve("d.sqlite-wal"), new byte[200]);
    Files.write(version.resolve(VersionFiles.scratchName("snapshot")), new byte[5000]);
    Files.write(version.resolve(".copy-left-by-an-older-server"), new byte[7000]);

    var usage = new StorageUsage(directories);
    assertEquals(1200, usage.bytes("e", "d.sqlite"));
    assertEquals(1000, usage.fileBytes("e", "d.sqlite"));
  }

  @Test
  void aDatabaseWhoseNameStartsWithADotCountsInFull() throws Exception {
    var directories = new DatabaseDirectories(data);
    for (String slug : new String[] {".big", ".copy-notes", ".snapshot-x"}) {
      Path version = directory(directories, "e", slug);
      Files.write(version.resolve(slug), new byte[1000]);
      Files.write(version.resolve(slug + "-journal"), new byte[10]);
    }
    var usage = new StorageUsage(directories);
    assertEquals(1010, usage.bytes("e", ".copy-notes"));
    assertEquals(3030, usage.entityBytes("e"));
  }

  private static Path directory(DatabaseDirectories directories, String entity, String slug) {
    Path version = directories.newVersion(entity, slug);
    directories.switchTo(entity, slug, version);
    return version;
  }
}
