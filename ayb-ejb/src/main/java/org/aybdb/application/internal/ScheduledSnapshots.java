package org.aybdb.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.port.ApplicationMetrics;
import org.aybdb.application.port.ApplicationMetrics.Counter;
import org.aybdb.application.port.SnapshotStorageSource;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.HostedDatabaseRepository;
import org.aybdb.domain.model.snapshot.SnapshotStorage;

/**
 * The automatic snapshot run of {@code [snapshots.automation]}: a non-persistent EJB interval timer
 * (Payara Micro without Hazelcast has no persistent timers; nothing is lost, the next run simply
 * comes one interval after start-up) that snapshots every database with a file. A run never
 * overlaps the previous one; one database's failure is logged and the run goes on; when the storage
 * is unreachable the run stops and the next interval tries again. Queries are never affected.
 *
 * <p>Metrics (application registry): {@code ayb.snapshots.runs} (timer), {@code
 * ayb.snapshots.runs.skipped}, {@code ayb.snapshots.uploaded}, {@code ayb.snapshots.unchanged},
 * {@code ayb.snapshots.failures}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ScheduledSnapshots {

  private static final Logger LOG = Logger.getLogger(ScheduledSnapshots.class.getName());

  @Resource TimerService timers;
  @Inject AybConfiguration configuration;
  @Inject SnapshotStorageSource storages;
  @Inject HostedDatabaseRepository databases;
  @Inject Snapshotter snapshotter;
  @Inject ApplicationMetrics metrics;

  private final AtomicBoolean running = new AtomicBoolean();
  // What the run in progress is doing, for the skip message.
  private volatile long runStarted;
  private volatile String currentDatabase = "the start";

  @PostConstruct
  void schedule() {
    if (configuration.snapshots().isPresent()) {
      // Registered up front, so that /metrics shows them at zero before the first run.
      uploaded();
      unchanged();
      failures();
      skipped();
    }
    configuration
        .snapshots()
        .flatMap(AybConfiguration.Snapshots::automation)
        .ifPresent(
            automation -> {
              long interval = automation.interval().toMillis();
              // As ayb: the first run comes one interval after start-up.
              timers.createIntervalTimer(
                  interval, interval, new TimerConfig("ayb snapshots", false));
              LOG.info(
                  () ->
                      "Snapshots every "
                          + automation.interval()
                          + " to "
                          + storages.storage().map(SnapshotStorage::describe).orElse("?")
                          + ", keeping "
                          + automation.maxSnapshots()
                          + " per database");
            });
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimeout() {
    if (!running.compareAndSet(false, true)) {
      LOG.info(
          () ->
              "Previous snapshot logic running, will skip this round... (running for "
                  + Duration.ofNanos(System.nanoTime() - runStarted).toSeconds()
                  + " s, at "
                  + currentDatabase
                  + ")");
      skipped().inc();
      return;
    }
    long started = System.nanoTime();
    runStarted = started;
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The snapshot run failed", e);
    } finally {
      running.set(false);
      metrics
          .timer("ayb.snapshots.runs", "Snapshot runs and their duration")
          .update(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private void runOnce() {
    AybConfiguration.Snapshots settings = configuration.snapshots().orElseThrow();
    int maxSnapshots = settings.automation().orElseThrow().maxSnapshots();
    SnapshotStorage storage = storages.storage().orElseThrow();
    LOG.fine("Creating snapshots...");
    currentDatabase = "the list of databases";
    List<HostedDatabase> all = databases.all();
    for (HostedDatabase database : all) {
      DatabaseRef ref = new DatabaseRef(database.owner().slug(), database.slug(), database.type());
      currentDatabase = ref.path();
      try {
        switch (snapshotter.snapshot(ref, storage, maxSnapshots)) {
          case UPLOADED -> uploaded().inc();
          case UNCHANGED -> unchanged().inc();
          case NO_FILE, BUSY -> {}
        }
      } catch (AybException e) {
        failures().inc();
        if (e.type() == ErrorType.S3ConnectionError) {
          // Every other database would fail the same way: stop here, try again next interval.
          LOG.warning(() -> e.getMessage() + "; snapshots resume at a later run");
          return;
        }
        LOG.warning(() -> "Unable to snapshot database " + ref.path() + ": " + e.getMessage());
      } catch (RuntimeException e) {
        failures().inc();
        LOG.log(Level.WARNING, "Unable to snapshot database " + ref.path(), e);
      }
    }
  }

  private Counter uploaded() {
    return counter("ayb.snapshots.uploaded", "Snapshots uploaded to the storage");
  }

  private Counter unchanged() {
    return counter(
        "ayb.snapshots.unchanged", "Snapshots not uploaded: the database had not changed");
  }

  private Counter failures() {
    return counter("ayb.snapshots.failures", "Databases whose snapshot failed");
  }

  private Counter skipped() {
    return counter("ayb.snapshots.runs.skipped", "Snapshot runs skipped: the previous one ran");
  }

  private Counter counter(String name, String description) {
    return metrics.counter(name, description);
  }
}
