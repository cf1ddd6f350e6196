package org.aybdb.infrastructure.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.aybdb.config.MetadataStore;
import org.aybdb.infrastructure.persistence.datasource.MetadataTarget;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A metadata store migrated before the first comment of {@code V1__metadata.sql} was reworded still
 * starts (its recorded checksum is upgraded), on SQLite and on the PostgreSQL server of the tests
 * ({@code ayb.test.pg.url}, in a schema of its own); any other changed checksum still fails.
 */
class RewordedV1ChecksumTest {

  /** The V1 scripts as they were, kept to make an old store. */
  private static final String OLD = "classpath:db/migration-v1-before-rewording/";

  private static final String PG_URL =
      System.getProperty(
          "ayb.test.pg.url", "postgresql://postgres@127.0.0.1:5432/postgres?currentSchema=ayb_it");

  @TempDir Path folder;

  private String pgSchema;

  @AfterEach
  void dropSchema() throws SQLException {
    if (pgSchema != null) {
      execute(postgresql(), "DROP SCHEMA IF EXISTS \"" + pgSchema + "\" CASCADE");
    }
  }

  @Test
  void anOldSqliteStoreStarts() throws SQLException {
    anOldStoreStarts(sqlite());
  }

  @Test
  void anOldPostgresqlStoreStarts() throws SQLException {
    anOldStoreStarts(postgresql());
  }

  @Test
  void aForeignChecksumStillFailsOnSqlite() throws SQLException {
    aForeignChecksumStillFails(sqlite());
  }

  @Test
  void aForeignChecksumStillFailsOnPostgresql() throws SQLException {
    aForeignChecksumStillFails(postgresql());
  }

  @Test
  void aNewStoreRecordsTheNewChecksum() throws SQLException {
    for (Store store : new Store[] {sqlite(), postgresql()}) {
      MetadataMigrations.flyway(store.target()).load().migrate();
      assertEquals(checksums(store)[1], v1Checksum(store), store.config().dialect());
    }
  }

  private void anOldStoreStarts(Store store) throws SQLException {
    migrateOld(store);
    assertEquals(checksums(store)[0], v1Checksum(store), "the old file's checksum");

    MigrateResult result = MetadataMigrations.flyway(store.target()).load().migrate();

    assertEquals(checksums(store)[1], v1Checksum(store));
    assertEquals("60", result.targetSchemaVersion);
    // From now on it validates as it is, without the callback.
    plainFlyway(store, "classpath:db/migration/").load().validate();
  }

  private void aForeignChecksumStillFails(Store store) throws SQLException {
    migrateOld(store);
    execute(store, "UPDATE " + history(store) + " SET checksum = 12345 WHERE version = '1'");

    var flyway = MetadataMigrations.flyway(store.target()).load();
    FlywayException refused = assertThrows(FlywayException.class, flyway::migrate);

    assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
    assertEquals(12345, v1Checksum(store));
  }

  /** Version 1 alone, from the old script, without the callback: an installation of before. */
  private static void migrateOld(Store store) {
    plainFlyway(store, OLD).target("1").load().migrate();
  }

  private static FluentConfiguration plainFlyway(Store store, String root) {
    var flyway =
        Flyway.configure(RewordedV1ChecksumTest.class.getClassLoader())
            .dataSource(store.dataSource())
            .locations(root + store.config().dialect())
            .failOnMissingLocations(true);
    store.config().schema().ifPresent(schema -> flyway.schemas(schema).createSchemas(true));
    return flyway;
  }

  private static int[] checksums(Store store) {
    return RewordedV1Checksum.CHECKSUMS.get(store.config().dialect());
  }

  private static int v1Checksum(Store store) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery("SELECT checksum FROM " + history(store) + " WHERE version = '1'")) {
      assertTrue(row.next(), "version 1 is recorded");
      return row.getInt(1);
    }
  }

  private static void execute(Store store, String sql) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String history(Store store) {
    return store.config().schema().map(schema -> '"' + schema + "\".").orElse("")
        + "flyway_schema_history";
  }

  private Store sqlite() {
    MetadataStore config =
        MetadataStore.parse("sqlite://" + folder.resolve("ayb.sqlite").toAbsolutePath());
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl(config.jdbcUrl());
    return new Store(config, dataSource);
  }

  /** The test server's database, in a schema of this test's own (dropped afterwards). */
  private Store postgresql() {
    if (pgSchema == null) {
      pgSchema = "ayb_v1_checksum_" + UUID.randomUUID().toString().substring(0, 8);
    }
    int query = PG_URL.indexOf('?');
    String base = query < 0 ? PG_URL : PG_URL.substring(0, query);
    MetadataStore config = MetadataStore.parse(base + "?currentSchema=" + pgSchema);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(config.jdbcUrl());
    dataSource.setUser(config.user());
    dataSource.setPassword(config.password());
    return new Store(config, dataSource);
  }

  private record Store(MetadataStore config, DataSource dataSource) {
    MetadataTarget target() {
      return new MetadataTarget(dataSource, config.dialect(), config.schema(), config.jdbcUrl());
    }
  }
}
