package org.aybdb.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryEngine;
import org.aybdb.application.fakes.FileEngine;
import org.aybdb.application.fakes.FolderFiles;
import org.aybdb.application.fakes.InMemorySnapshotStorage;
import org.aybdb.application.fakes.PlainArchiver;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.snapshot.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots without S3 or a sandbox: dedupe, prune, restore order and damaged snapshots. */
class SnapshotterTest {

  private static final DatabaseRef DB = new DatabaseRef("ada", "db.sqlite", DatabaseType.SQLITE);

  @TempDir Path data;

  private FolderFiles files;
  private FileEngine engine;
  private final InMemorySnapshotStorage storage = new InMemorySnapshotStorage();
  private Snapshotter snapshotter;

  @BeforeEach
  void wire() {
    files = new FolderFiles(data);
    engine = new FileEngine(files);
    snapshotter =
        new Snapshotter() {
          @Override
          QueryEngine engine() {
            return engine;
          }
        };
    snapshotter.files = files;
    snapshotter.archiver = new PlainArchiver();
  }

  @Test
  void aDatabaseNeverWrittenHasNothingToSnapshot() {
    assertEquals(Snapshotter.Outcome.NO_FILE, snapshotter.snapshot(DB, storage, 3));
    assertEquals(0, storage.uploads);
  }

  @Test
  void aSnapshotIsCheckedThenUploadedUnderItsContentHash() throws IOException {
    write("first content");
    assertEquals(Snapshotter.Outcome.UPLOADED, snapshotter.snapshot(DB, storage, 3));
    assertEquals(
        List.of("copy", "check the copy PRAGMA integrity_check(1)", "release"), engine.events);
    assertEquals(List.of(idOf("first content")), ids());
    try (var left = Files.list(files.currentVersion("ada", "db.sqlite").orElseThrow())) {
      assertEquals(List.of("db.sqlite"), left.map(f -> f.getFileName().toString()).toList());
    }
  }

  @Test
  void anUnwrittenDatabaseIsNotCopiedAgainAndEqualContentIsNotUploadedAgain() throws IOException {
    write("same");
    snapshotter.snapshot(DB, storage, 3);
    engine.events.clear();
    assertEquals(Snapshotter.Outcome.UNCHANGED, snapshotter.snapshot(DB, storage, 3));
    assertEquals(List.of(), engine.events);

    write("same"); // written again, same bytes: copied and hashed, not uploaded
    assertEquals(Snapshotter.Outcome.UNCHANGED, snapshotter.snapshot(DB, storage, 3));
    assertTrue(engine.events.contains("copy"));
    assertEquals(1, storage.uploads);
  }

  @Test
  void onlyTheNewestMaxSnapshotsAreKept() throws IOException {
    for (String content : List.of("one", "two!", "three", "four!!")) {
      write(content);
      assertEquals(Snapshotter.Outcome.UPLOADED, snapshotter.snapshot(DB, storage, 3));
    }
    assertEquals(
        List.of(idOf("two!"), idOf("three"), idOf("four!!")).stream().sorted().toList(),
        ids().stream().sorted().toList());
  }

  @Test
  void aFailedIntegrityCheckUploadsNothing() throws IOException {
    write("broken");
    engine.integrity = "*** in database main ***";
    AybException failed =
        assertThrows(AybException.class, () -> snapshotter.snapshot(DB, storage, 3));
    assertEquals(ErrorType.SnapshotError, failed.type());
    assertEquals(AybException.Kind.INTERNAL, failed.kind());
    assertEquals(0, storage.uploads);
  }

  @Test
  void aRestoreSwitchesWhileQueriesWaitThenDeletesTheOldVersion() throws IOException {
    write("before");
    snapshotter.snapshot(DB, storage, 3);
    write("after, longer");
    Path replaced = files.currentVersion("ada", "db.sqlite").orElseThrow();
    engine.events.clear();

    snapshotter.restore(DB, storage, idOf("before"));

    assertEquals(List.of("quiesce", "resume"), engine.events);
    assertEquals("before", read());
    assertFalse(Files.exists(replaced));
  }

  @Test
  void aDamagedOrAlteredSnapshotIsRefusedAndTheDatabaseIsLeftAlone() throws IOException {
    write("good");
    snapshotter.snapshot(DB, storage, 3);
    String id = idOf("good");
    write("current state");

    storage.tamper("ada", "db.sqlite", id, "BROKEN".getBytes(StandardCharsets.UTF_8));
    AybException damaged =
        assertThrows(AybException.class, () -> snapshotter.restore(DB, storage, id));
    assertEquals(ErrorType.SnapshotError, damaged.type());
    assertEquals(AybException.Kind.UPSTREAM_FAILED, damaged.kind());
    assertTrue(damaged.getMessage().startsWith("Snapshot " + id + " is damaged: "));

    storage.tamper("ada", "db.sqlite", id, "other bytes".getBytes(StandardCharsets.UTF_8));
    AybException altered =
        assertThrows(AybException.class, () -> snapshotter.restore(DB, storage, id));
    assertTrue(altered.getMessage().contains("its content hashes to " + idOf("other bytes")));

    assertEquals("current state", read());
    try (var versions = Files.list(data.resolve("ada").resolve("db.sqlite"))) {
      assertEquals(1, versions.count());
    }
  }

  @Test
  void anIdThatCannotBeASnapshotIsNotLookedFor() {
    AybException missing =
        assertThrows(AybException.class, () -> snapshotter.restore(DB, storage, "../../etc"));
    assertEquals(ErrorType.SnapshotDoesNotExistError, missing.type());
    assertEquals(AybException.Kind.NOT_FOUND, missing.kind());
    assertEquals(List.of(), engine.events);
  }

  /** Writes a new current version holding {@code content}, as a write through the engine would. */
  private void write(String content) throws IOException {
    Path version =
        files
            .currentVersion("ada", "db.sqlite")
            .orElseGet(
                () -> {
                  Path created = files.newVersion("ada", "db.sqlite");
                  files.switchTo("ada", "db.sqlite", created);
                  return created;
                });
    Files.writeString(version.resolve("db.sqlite"), content);
  }

  private String read() throws IOException {
    return Files.readString(
        files.currentVersion("ada", "db.sqlite").orElseThrow().resolve("db.sqlite"));
  }

  private List<String> ids() {
    return storage.list("ada", "db.sqlite").stream().map(Snapshot::id).toList();
  }

  private static String idOf(String content) {
    return PlainArchiver.sha256(content.getBytes(StandardCharsets.UTF_8));
  }
}
