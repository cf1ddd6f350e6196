/** Snapshots: compressed copies of hosted databases kept in S3-compatible storage. */
package org.aybdb.domain.model.snapshot;
