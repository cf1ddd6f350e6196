package org.aybdb.domain.model.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.aybdb.domain.model.Slugs;
import org.junit.jupiter.api.Test;

class VersionFilesTest {

  @Test
  void noScratchNameCanBeASlugOrAFileSqliteKeepsBesideOne() {
    for (String purpose : new String[] {"copy", "snapshot"}) {
      String name = VersionFiles.scratchName(purpose);
      assertTrue(VersionFiles.isScratch(name, "d.sqlite"), name);
      assertTrue(VersionFiles.isScratchFor(purpose, name, "d.sqlite"), name);
      // A slug, and so a slug with "-wal", "-shm" or "-journal" after it, has none of these.
      assertFalse(Slugs.allowedCharacters(name), name);
    }
    assertFalse(VersionFiles.isScratchFor("copy", VersionFiles.scratchName("snapshot"), "d"));
  }

  @Test
  void aDatabasesOwnFilesAreNeverScratchWhateverItsName() {
    for (String slug : new String[] {".copy-notes", ".snapshot-x", ".copy", "d.sqlite"}) {
      assertEquals(Optional.empty(), Slugs.problem(Slugs.Kind.DATABASE, slug), slug);
      for (String suffix : new String[] {"", "-wal", "-shm", "-journal", ".wal"}) {
        assertFalse(VersionFiles.isScratch(slug + suffix, slug), slug + suffix);
        assertFalse(VersionFiles.isScratchFor("copy", slug + suffix, slug), slug + suffix);
        assertFalse(VersionFiles.isScratchFor("snapshot", slug + suffix, slug), slug + suffix);
      }
    }
  }

  @Test
  void copiesLeftUnderTheOldDotNamesAreStillRecognised() {
    assertTrue(VersionFiles.isScratchFor("copy", ".copy-0b7c", "d.sqlite"));
    assertTrue(VersionFiles.isScratchFor("snapshot", ".snapshot-0b7c", "d.sqlite"));
    assertFalse(VersionFiles.isScratch(".hidden", "d.sqlite"));
    assertFalse(VersionFiles.isScratch("d.sqlite-wal", "d.sqlite"));
  }
}
