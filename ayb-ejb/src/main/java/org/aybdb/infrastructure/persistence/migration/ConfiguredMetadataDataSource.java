package org.aybdb.infrastructure.persistence.migration;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.aybdb.config.AybConfiguration;
import org.aybdb.config.MetadataStore;
import org.aybdb.infrastructure.configuration.LoadedConfiguration;
import org.aybdb.infrastructure.persistence.sqlite.MetadataSQLiteDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The metadata store's data source as {@code database_url} describes it (ayb.toml with its {@code
 * AYB__} overrides), SQLite or PostgreSQL. Named by its class in the data source definition, so
 * that every server builds the same pool from constants: no server-specific placeholder syntax, and
 * nothing the server must be told besides ayb's own configuration. The credentials are those of
 * {@code database_url}; any the server passes are ignored. With {@code [metadata] datasource_jndi}
 * the server's data source holds the metadata and this one, which the persistence unit still names,
 * is an in-memory SQLite database that nothing uses.
 */
public class ConfiguredMetadataDataSource implements DataSource {

  /** The one value of the {@code configuration} property: where the settings come from. */
  public static final String CONFIGURATION = "database_url";

  private final DataSource target;

  /** The application's own data source while the server provides the metadata store. */
  static final String UNUSED_URL = "jdbc:sqlite::memory:";

  public ConfiguredMetadataDataSource() {
    this(LoadedConfiguration.get());
  }

  ConfiguredMetadataDataSource(AybConfiguration configuration) {
    this.target =
        configuration.metadata().dataSourceJndi().isPresent()
            ? unused()
            : create(configuration.metadataStore());
  }

  ConfiguredMetadataDataSource(MetadataStore store) {
    this.target = create(Objects.requireNonNull(store, "store"));
  }

  private static DataSource unused() {
    MetadataSQLiteDataSource sqlite = new MetadataSQLiteDataSource();
    sqlite.setUrl(UNUSED_URL);
    return sqlite;
  }

  static DataSource create(MetadataStore store) {
    if (MetadataStore.SQLITE.equals(store.dialect())) {
      MetadataSQLiteDataSource sqlite = new MetadataSQLiteDataSource();
      sqlite.setUrl(store.jdbcUrl());
      return sqlite;
    }
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setUrl(store.jdbcUrl());
    // libpq's default: the operating-system user.
    postgres.setUser(store.user().isEmpty() ? System.getProperty("user.name") : store.user());
    if (!store.password().isEmpty()) {
      postgres.setPassword(store.password());
    }
    return postgres;
  }

  /**
   * The data source definition's one property (servers set its properties through setters): says
   * where the settings come from, and refuses anything else.
   */
  public void setConfiguration(String source) {
    if (!CONFIGURATION.equals(source)) {
      throw new IllegalArgumentException(
          "The metadata data source reads " + CONFIGURATION + ", not " + source);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target.getConnection();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target.isWrapperFor(type);
  }
}
