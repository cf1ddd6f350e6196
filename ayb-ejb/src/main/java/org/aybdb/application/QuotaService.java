package org.aybdb.application;

/**
 * Quotas per entity ({@code [limits] max_databases_per_entity}, {@code max_bytes_per_entity}):
 * checked when a database is created and, for bytes, bounding every write.
 */
public interface QuotaService {

  /** What {@code entity} (its slug) stores now against its quotas. */
  EntityUsage usage(String entity);
}
