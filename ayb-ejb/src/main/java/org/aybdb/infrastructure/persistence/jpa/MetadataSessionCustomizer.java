package org.aybdb.infrastructure.persistence.jpa;

import org.aybdb.infrastructure.configuration.LoadedConfiguration;
import org.aybdb.infrastructure.persistence.sqlite.SQLitePlatform;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.sessions.Session;

/**
 * Chooses EclipseLink's database platform from {@code database_url} at run time: the persistence
 * unit cannot know in advance whether the metadata store is SQLite or PostgreSQL. Also follows the
 * changes that access decisions depend on ({@link MetadataChanges}).
 */
public class MetadataSessionCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    String dialect = LoadedConfiguration.get().metadataStore().dialect();
    // usePlatform keeps the login's other settings; setPlatform would reset them.
    if ("postgresql".equals(dialect)) {
      session.getLogin().usePlatform(new PostgreSQLPlatform());
    } else {
      session.getLogin().usePlatform(new SQLitePlatform());
    }
    MetadataChanges.listen(session);
  }
}
