package org.aybdb.infrastructure.persistence.datasource;

import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.aybdb.config.AybConfiguration;
import org.aybdb.config.MetadataStore;

/**
 * The database that holds the metadata: the server's data source when {@code [metadata]
 * datasource_jndi} names one, else the application's own, defined from {@code database_url}.
 *
 * @param dataSource where connections come from
 * @param dialect {@link MetadataStore#SQLITE} or {@link MetadataStore#POSTGRESQL}
 * @param schema the PostgreSQL schema to create and migrate, if one is named
 * @param description for the start-up log; never contains a password
 */
public record MetadataTarget(
    DataSource dataSource, String dialect, Optional<String> schema, String description) {

  public MetadataTarget {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(description, "description");
  }

  /**
   * @param defined the application's own data source, used without {@code datasource_jndi}
   * @throws IllegalStateException with one clear line if the server's data source is missing,
   *     unreachable or of an unsupported kind
   */
  public static MetadataTarget choose(AybConfiguration configuration, DataSource defined) {
    Optional<String> name = configuration.metadata().dataSourceJndi();
    if (name.isPresent()) {
      DataSource server = ServerDataSource.lookup(name.get());
      MetadataDatabase database = MetadataDatabase.detect(server, name.get());
      return new MetadataTarget(
          server,
          database.dialect(),
          database.schema(),
          "server data source `" + name.get() + "` (" + database.description() + ")");
    }
    MetadataStore store = configuration.metadataStore();
    return new MetadataTarget(
        Objects.requireNonNull(defined, "defined"),
        store.dialect(),
        store.schema(),
        store.jdbcUrl());
  }
}
