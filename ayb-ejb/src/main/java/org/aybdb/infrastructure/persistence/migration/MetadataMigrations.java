package org.aybdb.infrastructure.persistence.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.aybdb.config.AybConfiguration;
import org.aybdb.infrastructure.persistence.datasource.MetadataTarget;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the metadata schema up to date before anything else runs: one Flyway script set per
 * dialect under {@code db/migration/<dialect>}. A failure here fails the deployment, so `ayb
 * server` reports it instead of serving a half-made schema.
 */
@DataSourceDefinition(
    name = MetadataMigrations.DATA_SOURCE,
    // A constant class that reads database_url itself: the same definition on every server.
    className = "org.aybdb.infrastructure.persistence.migration.ConfiguredMetadataDataSource",
    // WildFly refuses a data source class without any property.
    properties = {"configuration=" + ConfiguredMetadataDataSource.CONFIGURATION},
    initialPoolSize = 1,
    minPoolSize = 1,
    maxPoolSize = 20,
    maxIdleTime = 300)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class MetadataMigrations {

  /**
   * The JNDI name of the application's own metadata data source, used by the persistence unit too;
   * {@code [metadata] datasource_jndi} replaces it with one the server provides.
   */
  public static final String DATA_SOURCE = "java:app/jdbc/ayb";

  private static final Logger LOG = Logger.getLogger(MetadataMigrations.class.getName());

  @Resource(lookup = DATA_SOURCE)
  private DataSource dataSource;

  @Inject private AybConfiguration configuration;

  /** Flyway as it migrates {@code store}: its dialect's scripts, in its schema if it names one. */
  static FluentConfiguration flyway(MetadataTarget store) {
    var flyway =
        Flyway.configure(MetadataMigrations.class.getClassLoader())
            .dataSource(store.dataSource())
            // {vendor} placeholders find nothing inside the container: name the folder.
            .locations("classpath:db/migration/" + store.dialect())
            .failOnMissingLocations(true)
            .callbacks(new RewordedV1Checksum(store.dialect()));
    store.schema().ifPresent(schema -> flyway.schemas(schema).createSchemas(true));
    return flyway;
  }

  @PostConstruct
  void migrate() {
    MetadataTarget store;
    try {
      store = MetadataTarget.choose(configuration, dataSource);
    } catch (IllegalStateException e) {
      // One clear line under our own logger: `ayb server` and the server log show it as the reason.
      LOG.severe(e.getMessage());
      throw e;
    }
    try {
      MigrateResult result = flyway(store).load().migrate();
      LOG.info(
          () ->
              "Metadata store ("
                  + store.dialect()
                  + ", "
                  + store.description()
                  + ") at schema version "
                  + (result.targetSchemaVersion == null
                      ? result.initialSchemaVersion
                      : result.targetSchemaVersion)
                  + ", "
                  + result.migrationsExecuted
                  + " migration(s) applied");
    } catch (FlywayException | IllegalStateException e) {
      String reason =
          "Cannot migrate the metadata store " + store.description() + ": " + e.getMessage();
      // One clear line under our own logger: `ayb server` shows it as the reason start-up failed.
      LOG.severe(reason);
      throw new IllegalStateException(reason, e);
    }
  }
}
