/** Snapshot adapters: S3-compatible storage, BLAKE3 ids and zstd compression. */
package org.aybdb.infrastructure.snapshot;
