package org.aybdb.infrastructure.persistence.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The metadata store's SQLite data source. The container pools its connections, so the pragmas must
 * be set on the data source itself: sqlite-jdbc ignores {@code busy_timeout} in the URL. WAL lets
 * readers run while one connection writes; the busy timeout makes concurrent writers wait instead
 * of failing with SQLITE_BUSY.
 */
public class MetadataSQLiteDataSource extends SQLiteDataSource {

  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  public MetadataSQLiteDataSource() {
    super(configuration());
  }

  /** Creates the database file's folder first: SQLite creates the file but not its parents. */
  @Override
  public void setUrl(String url) {
    String prefix = "jdbc:sqlite:";
    if (url != null && url.startsWith(prefix) && !url.contains(":memory:")) {
      Path parent = Path.of(url.substring(prefix.length())).toAbsolutePath().getParent();
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the metadata folder " + parent, e);
      }
    }
    super.setUrl(url);
  }

  private static SQLiteConfig configuration() {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    return config;
  }
}
