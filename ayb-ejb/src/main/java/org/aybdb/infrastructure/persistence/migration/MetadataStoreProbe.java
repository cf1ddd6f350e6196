package org.aybdb.infrastructure.persistence.migration;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.aybdb.config.AybConfiguration;
import org.aybdb.infrastructure.persistence.datasource.ServerDataSource;

/** Answers whether the metadata store takes a query right now; used by the health checks. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MetadataStoreProbe {

  @Resource(lookup = MetadataMigrations.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private AybConfiguration configuration;

  /**
   * Runs a trivial query against the metadata schema.
   *
   * @return null when the store answers, else the reason it does not
   */
  public String problem() {
    DataSource store;
    try {
      store =
          configuration
              .metadata()
              .dataSourceJndi()
              .map(ServerDataSource::lookup)
              .orElse(dataSource);
    } catch (IllegalStateException e) {
      // Found at deployment (or it would have failed); only an administrator's change gets here.
      return e.getMessage();
    }
    try (Connection connection = store.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(5);
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM entity WHERE id < 0")) {
        return rows.next() ? null : "the metadata store returned no row";
      }
    } catch (SQLException e) {
      return "the metadata store does not answer: " + e.getMessage();
    }
  }
}
