package org.aybdb.config;

import java.util.Optional;

/**
 * The JDBC side of {@code database_url}: {@code sqlite://path} (relative to the working directory,
 * or {@code sqlite:///absolute/path}) or {@code postgresql://user:password@host:port/db?params}
 * (also {@code postgres://}). User and password are percent-decoded.
 *
 * @param dialect "sqlite" or "postgresql"; also names the Flyway migration folder
 * @param dataSourceClassName the {@code javax.sql.DataSource} implementation to instantiate
 * @param jdbcUrl the JDBC URL, with an absolute file path for SQLite
 * @param user empty when not given
 * @param password empty when not given
 * @param schema the PostgreSQL {@code currentSchema} parameter, if any, so migrations can create it
 */
public record MetadataStore(
    String dialect,
    String dataSourceClassName,
    String jdbcUrl,
    String user,
    String password,
    Optional<String> schema) {

  /**
   * Parses a {@code database_url}.
   *
   * @throws ConfigurationException with ayb's message "Database type for {url} is not supported
   *     (currently only SQLite and PostgreSQL)" for other schemes, or a clear message for a
   *     malformed URL
   */
  public static MetadataStore parse(String databaseUrl) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
