package org.aybdb.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks an IT that waits for automatic snapshot runs. It runs in the failsafe execution {@code
 * it-snapshots} (SQLite metadata), whose server snapshots every second and keeps a data folder of
 * its own, instead of {@code it-sqlite}, whose server runs snapshots only hourly: a run copies
 * every database it has not seen, which there would be the databases of every IT class of the
 * execution.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(WatchesSnapshotRuns.TAG)
public @interface WatchesSnapshotRuns {

  /** The JUnit tag the {@code it-snapshots} execution selects and {@code it-sqlite} leaves out. */
  String TAG = "snapshot-runs";
}
