package org.aybdb.application.port;

/**
 * A counter of the changes written to what access decisions are made of (entities, hosted
 * databases, permissions). Caches of those decisions remember the value they were filled at and
 * start over when it moved.
 */
public interface MetadataVersion {

  /** The number of changes seen so far; it moves when one is written and again at its commit. */
  long version();
}
