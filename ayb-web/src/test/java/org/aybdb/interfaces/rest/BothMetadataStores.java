package org.aybdb.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks an IT that runs twice, against a server on SQLite metadata and against one on PostgreSQL
 * metadata (the failsafe executions {@code it-sqlite} and {@code it-postgresql}). Every other IT
 * runs once, on SQLite metadata.
 *
 * <p>Put it on an IT whose outcome can differ between the stores: it writes or reads metadata in a
 * way a dialect could change (accounts, tokens, databases and their sharing, permissions, quotas
 * counted in metadata, OAuth codes, query history), or it checks a setting the PostgreSQL run
 * configures differently (CORS origin, e-mail rate limit). An IT that only goes through the query
 * daemons, the HTTP edge, files or S3 does not need it: the account and database rows it creates on
 * the way are covered by the marked ones.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BothMetadataStores.TAG)
public @interface BothMetadataStores {

  /** The JUnit tag the {@code it-postgresql} execution selects. */
  String TAG = "both-stores";
}
