package org.aybdb.infrastructure.persistence.datasource;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.aybdb.config.MetadataStore;

/**
 * What a server-provided data source connects to, read from the connection's metadata: the dialect
 * (which Flyway scripts and which EclipseLink platform) and, for PostgreSQL, the schema.
 *
 * @param dialect {@link MetadataStore#SQLITE} or {@link MetadataStore#POSTGRESQL}
 * @param schema the PostgreSQL schema the connections use, if known; Flyway creates it if missing
 * @param description product, version and user, for the start-up log (never the URL: a driver may
 *     put the password into it)
 */
public record MetadataDatabase(String dialect, Optional<String> schema, String description) {

  private static final Pattern CURRENT_SCHEMA =
      Pattern.compile("[?&]currentSchema=([^&]+)", Pattern.CASE_INSENSITIVE);

  public MetadataDatabase {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(description, "description");
  }

  /**
   * Opens one connection of {@code dataSource} and reads what it connects to.
   *
   * @param name the JNDI name, for messages
   * @throws IllegalStateException if no connection can be made or the database is neither SQLite
   *     nor PostgreSQL
   */
  public static MetadataDatabase detect(DataSource dataSource, String name) {
    Objects.requireNonNull(dataSource, "dataSource");
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      String product = metaData.getDatabaseProductName();
      String description =
          product
              + " "
              + metaData.getDatabaseProductVersion()
              + " as user "
              + metaData.getUserName();
      String dialect = dialect(product);
      if (dialect == null) {
        throw new IllegalStateException(
            "The metadata data source `"
                + name
                + "` connects to "
                + product
                + "; ayb keeps its metadata in SQLite or PostgreSQL");
      }
      Optional<String> schema =
          MetadataStore.POSTGRESQL.equals(dialect)
              ? schema(connection.getSchema(), metaData.getURL())
              : Optional.empty();
      return new MetadataDatabase(dialect, schema, description);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot connect to the metadata data source `" + name + "`: " + e.getMessage(), e);
    }
  }

  static String dialect(String product) {
    String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (lower.contains("postgresql")) {
      return MetadataStore.POSTGRESQL;
    }
    if (lower.contains("sqlite")) {
      return MetadataStore.SQLITE;
    }
    return null;
  }

  /**
   * The connection's current schema; PostgreSQL reports none while the schema named by {@code
   * currentSchema} does not exist yet, so then the URL's parameter tells.
   */
  static Optional<String> schema(String current, String url) {
    if (current != null && !current.isBlank()) {
      return Optional.of(current);
    }
    Matcher matcher = CURRENT_SCHEMA.matcher(url == null ? "" : url);
    // currentSchema may list a search path ("a,b"); objects are created in the first.
    return matcher.find() ? Optional.of(matcher.group(1).split(",")[0]) : Optional.empty();
  }
}
