package org.aybdb.application.engine;

/**
 * How a query may touch the file. {@code READ_ONLY} runs on a connection opened read-only, which
 * SQL cannot upgrade: this, not SQL inspection, is what enforces read-only sharing.
 */
public enum AccessMode {
  READ_ONLY,
  READ_WRITE
}
