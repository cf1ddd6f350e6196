package org.aybdb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataStoreTest {

  @Test
  void relativeSqlitePathResolvesAgainstTheWorkingDirectory() {
    MetadataStore store = MetadataStore.parse("sqlite://ayb_data/ayb.sqlite");
    assertEquals("sqlite", store.dialect());
    assertEquals("org.sqlite.SQLiteDataSource", store.dataSourceClassName());
    Path expected = Path.of("ayb_data/ayb.sqlite").toAbsolutePath().normalize();
    assertEquals("jdbc:sqlite:" + expected, store.jdbcUrl());
    assertEquals("", store.user());
    assertEquals("", store.password());
    assertEquals(Optional.empty(), store.schema());
  }

  @Test
  void absoluteAndShortSqliteForms() {
    Path absolute = Path.of("/var/lib/ayb/x.sqlite").toAbsolutePath().normalize();
    assertEquals(
        "jdbc:sqlite:" + absolute, MetadataStore.parse("sqlite:///var/lib/ayb/x.sqlite").jdbcUrl());
    assertEquals(
        "jdbc:sqlite:" + Path.of("data/x.sqlite").toAbsolutePath().normalize(),
        MetadataStore.parse("sqlite:data/./x.sqlite").jdbcUrl());
    assertEquals(
        "jdbc:sqlite:" + Path.of("my db.sqlite").toAbsolutePath().normalize(),
        MetadataStore.parse("sqlite://my%20db.sqlite?mode=rwc").jdbcUrl());
  }

  @Test
  void postgresqlWithEverything() {
    MetadataStore store =
        MetadataStore.parse(
            "postgresql://ayb%40corp:p%40ss%2Fw%3Ard+x@db.example.com:6543/ayb"
                + "?currentSchema=ayb_meta&sslmode=require");
    assertEquals("postgresql", store.dialect());
    assertEquals("org.postgresql.ds.PGSimpleDataSource", store.dataSourceClassName());
    assertEquals(
        "jdbc:postgresql://db.example.com:6543/ayb?currentSchema=ayb_meta&sslmode=require",
        store.jdbcUrl());
    assertEquals("ayb@corp", store.user());
    assertEquals("p@ss/w:rd+x", store.password());
    assertEquals(Optional.of("ayb_meta"), store.schema());
  }

  @Test
  void postgresAliasDefaultPortAndCredentialsFromTheQuery() {
    MetadataStore store =
        MetadataStore.parse(
            "postgres://localhost/ayb?user=ayb&password=s%26cret&ApplicationName=x");
    assertEquals("jdbc:postgresql://localhost:5432/ayb?ApplicationName=x", store.jdbcUrl());
    assertEquals("ayb", store.user());
    assertEquals("s&cret", store.password());
    assertEquals(Optional.empty(), store.schema());
  }

  @Test
  void postgresqlWithoutCredentialsAndIpv6Host() {
    MetadataStore store = MetadataStore.parse("postgresql://[::1]:5433/ayb");
    assertEquals("jdbc:postgresql://[::1]:5433/ayb", store.jdbcUrl());
    assertEquals("", store.user());
    assertEquals("", store.password());
  }

  @Test
  void unsupportedSchemesGetAybsMessageWithoutThePassword() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> MetadataStore.parse("mysql://root:topsecret@localhost/ayb"));
    assertEquals(
        "Database type for mysql://root:***@localhost/ayb is not supported"
            + " (currently only SQLite and PostgreSQL)",
        e.getMessage());
    e = assertThrows(ConfigurationException.class, () -> MetadataStore.parse("ayb.sqlite"));
    assertEquals(
        "Database type for ayb.sqlite is not supported (currently only SQLite and PostgreSQL)",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://ayb:topsecret@/ayb",
        "postgresql://ayb:topsecret@localhost:99999/ayb",
        "postgresql://ayb:topsecret@localhost:abc/ayb",
        "postgresql://ayb:topsecret@localhost:5432/",
        "postgresql://ayb:top/secret@localhost",
        "postgresql://localhost?password=topsecret",
        "sqlite://",
        "sqlite::memory:"
      })
  void malformedUrlsAreRejectedWithoutRevealingThePassword(String url) {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> MetadataStore.parse(url));
    assertTrue(e.getMessage().startsWith("Invalid database_url "), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  @Test
  void masksPasswordsInUrls() {
    assertEquals(
        "postgresql://u:***@h/db?password=***&a=b",
        MetadataStore.maskPassword("postgresql://u:p@ss/x@h/db?password=q&a=b"));
    assertEquals("postgresql://u@h/db", MetadataStore.maskPassword("postgresql://u@h/db"));
    assertEquals("sqlite://a:b/c", MetadataStore.maskPassword("sqlite://a:b/c"));
  }

  @Test
  void toStringMasksThePassword() {
    MetadataStore store = MetadataStore.parse("postgresql://ayb:topsecret@localhost/ayb");
    assertFalse(store.toString().contains("topsecret"), store.toString());
    assertTrue(store.toString().contains("password=***"), store.toString());
  }
}
