package org.aybdb.appserver;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.aybdb.config.MetadataStore;

/**
 * A PostgreSQL schema of the tests' own: the server and user of {@code ayb.test.pg.url}, its schema
 * plus {@code _ear}, so that it never meets the PostgreSQL run of ayb-it, which the parallel build
 * runs at the same time as these tests.
 */
final class PostgresSchema {

  private final MetadataStore server;
  private final URI address;
  private final String schema;

  PostgresSchema(String databaseUrl) {
    this.server = MetadataStore.parse(Objects.requireNonNull(databaseUrl, "databaseUrl"));
    String jdbcUrl = server.jdbcUrl();
    this.address = URI.create(jdbcUrl.substring("jdbc:".length()));
    this.schema = server.schema().orElse("ayb_it") + "_ear";
  }

  /** The JDBC connection pool properties of {@code org.postgresql.ds.PGSimpleDataSource}. */
  Map<String, String> poolProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("serverName", address.getHost());
    properties.put("portNumber", Integer.toString(address.getPort()));
    properties.put("databaseName", address.getPath().substring(1));
    properties.put("user", server.user());
    // Payara's pool refuses a user without a password ("No password credential found"); the
    // tests' PostgreSQL trusts local connections and never asks for it.
    properties.put("password", server.password().isEmpty() ? "unused" : server.password());
    properties.put("currentSchema", schema);
    return properties;
  }

  /** Drops the schema, so that the application has to create and migrate it. */
  void drop() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /** How many databases named {@code database} the entity {@code owner} has in this schema. */
  int databases(String owner, String database) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM "
                    + schema
                    + ".database d JOIN "
                    + schema
                    + ".entity e ON d.entity_id = e.id WHERE e.slug = ? AND d.slug = ?")) {
      query.setString(1, owner);
      query.setString(2, database);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  String name() {
    return schema;
  }

  private Connection connect() throws SQLException {
    String url =
        "jdbc:postgresql://" + address.getHost() + ":" + address.getPort() + address.getPath();
    return DriverManager.getConnection(url, server.user(), server.password());
  }
}
