package org.aybdb.infrastructure.persistence.jpa;

import org.aybdb.infrastructure.configuration.LoadedConfiguration;
import org.aybdb.infrastructure.persistence.sqlite.SQLitePlatform;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.platform.server.NoServerPlatform;
import org.eclipse.persistence.platform.server.jboss.JBossPlatform;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.Session;

/**
 * Chooses EclipseLink's database platform from {@code database_url} at run time: the persistence
 * unit cannot know in advance whether the metadata store is SQLite or PostgreSQL. Also follows the
 * changes that access decisions depend on ({@link MetadataChanges}).
 */
public class MetadataSessionCustomizer implements SessionCustomizer {

  /** A system property only WildFly (JBoss) sets. */
  static final String WILDFLY_HOME = "jboss.home.dir";

  @Override
  public void customize(Session session) {
    String dialect = LoadedConfiguration.get().metadataStore().dialect();
    // usePlatform keeps the login's other settings; setPlatform would reset them.
    if ("postgresql".equals(dialect)) {
      session.getLogin().usePlatform(new PostgreSQLPlatform());
    } else {
      session.getLogin().usePlatform(new SQLitePlatform());
    }
    onWildFly(session);
    MetadataChanges.listen(session);
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
