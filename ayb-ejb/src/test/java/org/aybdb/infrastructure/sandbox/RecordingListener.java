package org.aybdb.infrastructure.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aybdb.infrastructure.sandbox.pool.PoolListener;

/** Remembers what the pool reported, for assertions. */
final class RecordingListener implements PoolListener {

  record Event(String kind, String database, long pid, String detail) {}

  final List<Event> events = new CopyOnWriteArrayList<>();
  final List<Duration> spawnTimes = new CopyOnWriteArrayList<>();

  @Override
  public void spawned(String database, long pid, Duration took) {
    spawnTimes.add(took);
    events.add(new Event("spawned", database, pid, ""));
  }

  @Override
  public void spawnFailed(String database, String reason) {
    events.add(new Event("spawnFailed", database, -1, reason));
  }

  @Override
  public void retired(String database, long pid, Retirement why) {
    events.add(new Event("retired", database, pid, why.name()));
  }

  @Override
  public void crashed(String database, long pid, String detail) {
    events.add(new Event("crashed", database, pid, detail));
  }

  @Override
  public void backedOff(String database, Duration retryAfter) {
    events.add(new Event("backedOff", database, -1, retryAfter.toString()));
  }

  @Override
  public void queried(String database, Duration took, String outcome) {
    events.add(new Event("queried", database, -1, outcome));
  }

  long count(String kind) {
    return events.stream().filter(e -> e.kind().equals(kind)).count();
  }

  long count(String kind, String detail) {
    return events.stream().filter(e -> e.kind().equals(kind) && e.detail().equals(detail)).count();
  }
}
