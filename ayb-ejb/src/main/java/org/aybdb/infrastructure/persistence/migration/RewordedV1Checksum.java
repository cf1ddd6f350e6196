package org.aybdb.infrastructure.persistence.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Lets a metadata store made before the first comment of {@code V1__metadata.sql} was reworded pass
 * Flyway's validation: only the comment changed, yet Flyway checksums the whole file. Before
 * validating, exactly the checksum of the old file (per dialect) is replaced by that of the new one
 * in the schema history, for version 1 alone; any other checksum is left for validation to refuse,
 * as a changed migration should be.
 */
final class RewordedV1Checksum implements Callback {

  private static final Logger LOG = Logger.getLogger(RewordedV1Checksum.class.getName());

  static final String SCRIPT = "V1__metadata.sql";

  /** Per dialect: the checksum before the rewording, then after it. */
  static final Map<String, int[]> CHECKSUMS =
      Map.of(
          "sqlite", new int[] {635886536, -2137297894},
          "postgresql", new int[] {982117005, 1120157097});

  private final int before;
  private final int after;

  RewordedV1Checksum(String dialect) {
    int[] pair = CHECKSUMS.get(Objects.requireNonNull(dialect, "dialect"));
    if (pair == null) {
      throw new IllegalArgumentException("No migrations for dialect " + dialect);
    }
    this.before = pair[0];
    this.after = pair[1];
  }

  @Override
  public boolean supports(Event event, Context context) {
    // Migrate validates first; BEFORE_MIGRATE also covers validateOnMigrate=false.
    return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    Connection connection = context.getConnection();
    try {
      String schema = historySchema(context.getConfiguration(), connection);
      String table = context.getConfiguration().getTable();
      if (!exists(connection, schema, table)) {
        return;
      }
      String qualified = (schema == null ? "" : quote(schema) + ".") + quote(table);
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE "
                  + qualified
                  + " SET checksum = ? WHERE version = '1' AND script = ? AND checksum = ?")) {
        update.setInt(1, after);
        update.setString(2, SCRIPT);
        update.setInt(3, before);
        if (update.executeUpdate() > 0) {
          LOG.info(
              () ->
                  "Recorded the reworded comment of "
                      + SCRIPT
                      + " in the schema history (checksum "
                      + before
                      + " -> "
                      + after
                      + ")");
        }
      }
    } catch (SQLException e) {
      throw new FlywayException("Cannot check the schema history of " + SCRIPT, e);
    }
  }

  @Override
  public String getCallbackName() {
    return "reworded V1 checksum";
  }

  /** Where Flyway keeps its history: the default schema, else the first named, else current. */
  private static String historySchema(Configuration configuration, Connection connection)
      throws SQLException {
    if (configuration.getDefaultSchema() != null) {
      return configuration.getDefaultSchema();
    }
    String[] schemas = configuration.getSchemas();
    return schemas.length > 0 ? schemas[0] : connection.getSchema();
  }

  private static boolean exists(Connection connection, String schema, String table)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet tables = meta.getTables(null, schema, table, null)) {
      return tables.next();
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
