package org.aybdb.infrastructure.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.aybdb.config.ConfigurationLoader;
import org.aybdb.config.MetadataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class ConfiguredMetadataDataSourceTest {

  @TempDir Path folder;

  @Test
  void sqliteFromDatabaseUrlWithTheMetadataPragmasAndItsFolderCreated() throws Exception {
    Path file = folder.resolve("nested/ayb.sqlite");
    var dataSource =
        new ConfiguredMetadataDataSource(MetadataStore.parse("sqlite://" + file.toAbsolutePath()));
    // Credentials a server passes are not those of database_url: ignored.
    try (Connection connection = dataSource.getConnection("server-user", "server-password");
        ResultSet mode = connection.createStatement().executeQuery("PRAGMA journal_mode")) {
      mode.next();
      assertEquals("wal", mode.getString(1));
    }
    assertTrue(Files.isRegularFile(file));
  }

  @Test
  void postgresqlFromDatabaseUrlWithItsCredentials() throws Exception {
    var dataSource =
        new ConfiguredMetadataDataSource(
            MetadataStore.parse("postgresql://meta:secret@db.example.com:5433/ayb"));
    PGSimpleDataSource postgres = dataSource.unwrap(PGSimpleDataSource.class);
    assertEquals("meta", postgres.getUser());
    assertEquals("secret", postgres.getPassword());
    assertEquals("db.example.com", postgres.getServerNames()[0]);
    assertEquals(5433, postgres.getPortNumbers()[0]);
    assertTrue(dataSource.isWrapperFor(PGSimpleDataSource.class));
  }

  @Test
  void itsOnePropertyNamesDatabaseUrlAndNothingElse() {
    var dataSource =
        new ConfiguredMetadataDataSource(
            MetadataStore.parse("sqlite://" + folder.resolve("a.sqlite").toAbsolutePath()));
    dataSource.setConfiguration("database_url");
    assertThrows(IllegalArgumentException.class, () -> dataSource.setConfiguration("jdbc:x"));
  }

  @Test
  void withAServerDataSourceItsOwnIsAnUnusedMemoryDatabase() throws Exception {
    var own =
        new ConfiguredMetadataDataSource(
            ConfigurationLoader.load(
                folder.resolve("absent.toml"),
                Map.of(
                    "AYB__METADATA__DATASOURCE_JNDI",
                    "jdbc/ayb",
                    "AYB__DATA_PATH",
                    folder.toString())));
    try (var connection = own.getConnection()) {
      assertEquals(ConfiguredMetadataDataSource.UNUSED_URL, connection.getMetaData().getURL());
    }
    assertFalse(Files.exists(folder.resolve("ayb.sqlite")));
  }
}
