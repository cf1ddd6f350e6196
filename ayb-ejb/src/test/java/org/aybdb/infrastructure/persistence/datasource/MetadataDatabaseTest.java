package org.aybdb.infrastructure.persistence.datasource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** What a server's data source connects to, read from a real connection. */
class MetadataDatabaseTest {

  @TempDir Path temp;

  @Test
  void readsSqliteFromTheConnection() {
    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl("jdbc:sqlite:" + temp.resolve("metadata.sqlite"));
    MetadataDatabase database = MetadataDatabase.detect(sqlite, "jdbc/ayb");
    assertEquals("sqlite", database.dialect());
    assertEquals(Optional.empty(), database.schema());
    assertTrue(database.description().startsWith("SQLite "), database.description());
  }

  @Test
  void anUnreachableDatabaseIsOneLineNamingTheJndiName() {
    SQLiteDataSource missing = new SQLiteDataSource();
    missing.setUrl("jdbc:sqlite:" + temp.resolve("no/such/folder/metadata.sqlite"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> MetadataDatabase.detect(missing, "jdbc/x"));
    assertTrue(
        e.getMessage().startsWith("Cannot connect to the metadata data source `jdbc/x`: "),
        e.getMessage());
  }

  @Test
  void knowsTheTwoProductsByName() {
    assertEquals("postgresql", MetadataDatabase.dialect("PostgreSQL"));
    assertEquals("sqlite", MetadataDatabase.dialect("SQLite"));
    assertNull(MetadataDatabase.dialect("H2"));
    assertNull(MetadataDatabase.dialect(null));
  }

  @Test
  void aSchemaNotCreatedYetComesFromTheUrl() {
    assertEquals(Optional.of("meta"), MetadataDatabase.schema("meta", "jdbc:postgresql://h/db"));
    assertEquals(
        Optional.of("ayb"),
        MetadataDatabase.schema(null, "jdbc:postgresql://h:5432/db?ssl=false&currentSchema=ayb,x"));
    assertEquals(Optional.empty(), MetadataDatabase.schema(null, "jdbc:postgresql://h/db"));
  }
}
