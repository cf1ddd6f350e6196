package org.aybdb.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks an IT that waits for automatic snapshot runs. It runs in the failsafe execution {@code
 * it-snapshots} (SQLite metadata), whose servers snapshot every 2 s and keep a data folder of their
 * own, instead of {@code it-sqlite}, whose servers run snapshots only hourly: a server's first run
 * copies every database it has not seen, which in a data folder shared by all the IT classes would
 * be every database of the earlier classes, on every server start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(WatchesSnapshotRuns.TAG)
public @interface WatchesSnapshotRuns {

  /** The JUnit tag the {@code it-snapshots} execution selects and {@code it-sqlite} leaves out. */
  String TAG = "snapshot-runs";
}
