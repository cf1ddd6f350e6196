package org.aybdb.application.fakes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.aybdb.application.AybException;
import org.aybdb.domain.model.snapshot.Snapshot;
import org.aybdb.domain.model.snapshot.SnapshotStorage;

/** {@link SnapshotStorage} in memory; each upload is one second later than the one before. */
public final class InMemorySnapshotStorage implements SnapshotStorage {

  private record Stored(byte[] bytes, Instant lastModified) {}

  private final Map<String, Map<String, Stored>> databases = new LinkedHashMap<>();
  private Instant clock = Instant.parse("2026-01-01T00:00:00Z");
  public int uploads;

  @Override
  public List<Snapshot> list(String entity, String database) {
    List<Snapshot> snapshots = new ArrayList<>();
    of(entity, database).forEach((id, s) -> snapshots.add(new Snapshot(id, s.lastModified())));
    return snapshots;
  }

  @Override
  public void upload(String entity, String database, String id, Path compressed) {
    try {
      clock = clock.plusSeconds(1);
      of(entity, database).put(id, new Stored(Files.readAllBytes(compressed), clock));
      uploads++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void download(String entity, String database, String id, Consumer<InputStream> reader) {
    Stored stored = of(entity, database).get(id);
    if (stored == null) {
      throw AybException.snapshotDoesNotExist();
    }
    reader.accept(new ByteArrayInputStream(stored.bytes()));
  }

  @Override
  public void delete(String entity, String database, List<String> ids) {
    ids.forEach(of(entity, database)::remove);
  }

  @Override
  public String describe() {
    return "memory";
  }

  /** Replaces a stored snapshot's bytes, as a damaged or tampered storage would. */
  public void tamper(String entity, String database, String id, byte[] bytes) {
    of(entity, database).put(id, new Stored(bytes, of(entity, database).get(id).lastModified()));
  }

  private Map<String, Stored> of(String entity, String database) {
    return databases.computeIfAbsent(entity + "/" + database, key -> new LinkedHashMap<>());
  }
}
