package org.aybdb.infrastructure.persistence.jpa;

import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.aybdb.config.AybConfiguration;
import org.aybdb.infrastructure.configuration.LoadedConfiguration;
import org.aybdb.infrastructure.persistence.datasource.MetadataDatabase;
import org.aybdb.infrastructure.persistence.datasource.ServerDataSource;
import org.aybdb.infrastructure.persistence.sqlite.SQLitePlatform;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.platform.server.NoServerPlatform;
import org.eclipse.persistence.platform.server.jboss.JBossPlatform;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Chooses EclipseLink's database platform at run time: the persistence unit cannot know in advance
 * whether the metadata store is SQLite or PostgreSQL. With {@code [metadata] datasource_jndi} it
 * also points the session at the server's data source instead of the application's own (the
 * persistence unit names one fixed data source; only the session can change it). Also follows the
 * changes that access decisions depend on ({@link MetadataChanges}).
 */
public class MetadataSessionCustomizer implements SessionCustomizer {

  private static final Logger LOG = Logger.getLogger(MetadataSessionCustomizer.class.getName());

  /** A system property only WildFly (JBoss) sets. */
  static final String WILDFLY_HOME = "jboss.home.dir";

  @Override
  public void customize(Session session) {
    AybConfiguration configuration = LoadedConfiguration.get();
    Optional<String> name = configuration.metadata().dataSourceJndi();
    String dialect;
    if (name.isPresent()) {
      DataSource server;
      try {
        server = ServerDataSource.lookup(name.get());
        dialect = MetadataDatabase.detect(server, name.get()).dialect();
      } catch (IllegalStateException e) {
        // EclipseLink wraps this in its own exceptions: log the reason once, plainly.
        LOG.severe(e.getMessage());
        throw e;
      }
      useDataSource(session, server);
    } else {
      dialect = configuration.metadataStore().dialect();
    }
    // usePlatform keeps the login's other settings; setPlatform would reset them.
    if ("postgresql".equals(dialect)) {
      session.getLogin().usePlatform(new PostgreSQLPlatform());
    } else {
      session.getLogin().usePlatform(new SQLitePlatform());
    }
    onWildFly(session);
    MetadataChanges.listen(session);
  }

  /** The transactional login and, when the container gave it its own, the read pool's login. */
  private static void useDataSource(Session session, DataSource dataSource) {
    session.getLogin().setConnector(new JNDIConnector(dataSource));
    if (session instanceof ServerSession server && server.getReadConnectionPool() != null) {
      Login read = server.getReadConnectionPool().getLogin();
      if (read != session.getLogin() && read instanceof DatasourceLogin login) {
        login.setConnector(new JNDIConnector(dataSource));
      }
    }
  }

  /**
   * WildFly's JPA integration tells no application-supplied EclipseLink which server it runs on
   * (Payara's does), and without that EclipseLink would not join the container's transactions.
   */
  private static void onWildFly(Session session) {
    if (System.getProperty(WILDFLY_HOME) != null
        && session instanceof DatabaseSession database
        && database.getServerPlatform() instanceof NoServerPlatform) {
      database.setServerPlatform(new JBossPlatform(database));
    }
  }
}
