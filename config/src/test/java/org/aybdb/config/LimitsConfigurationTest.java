package org.aybdb.config;

import static org.aybdb.config.ConfigFixtures.MINIMAL;
import static org.aybdb.config.ConfigFixtures.load;
import static org.aybdb.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.aybdb.config.AybConfiguration.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code [limits]}: defaults, every key from the file and the environment, and each error. */
class LimitsConfigurationTest {

  @TempDir Path temp;

  @Test
  void absentSectionMeansTheDefaults() {
    Limits limits = load(temp, MINIMAL, Map.of()).limits();
    assertEquals(Limits.defaults(), limits);
    assertEquals(600, limits.queriesPerMinute());
    assertEquals(4, limits.concurrentQueries());
    assertEquals(120, limits.anonymousQueriesPerMinute());
    assertEquals(2, limits.anonymousConcurrentQueries());
    assertEquals(1, limits.anonymousQueriesPerDatabase());
    assertEquals(Duration.ofSeconds(5), limits.queueWait());
    assertEquals(List.of(), limits.trustedProxies());
    assertEquals(100, limits.maxDatabasesPerEntity());
    assertEquals(10L << 30, limits.maxBytesPerEntity());
    assertEquals(50, limits.queryHistoryLength());
    assertEquals(100, limits.maxSavedQueriesPerEntity());
    assertEquals(30, limits.usernameSuggestionsPerMinute());
  }

  @Test
  void everyKeyFromTheFileThenTheEnvironment() {
    String toml =
        MINIMAL
            + "\n[limits]\nqueries_per_minute = 60\nconcurrent_queries = 2\n"
            + "anonymous_queries_per_minute = 0\nanonymous_concurrent_queries = 1\n"
            + "anonymous_queries_per_database = 3\nqueue_wait = \"250ms\"\n"
            + "trusted_proxies = [\"127.0.0.1\", \"::1\"]\nmax_databases_per_entity = 7\n"
            + "max_bytes_per_entity = \"1GiB\"\nquery_history_length = 20\n"
            + "max_saved_queries_per_entity = 5\nusername_suggestions_per_minute = 9\n"
            + "concurrent_exports = 3\nconcurrent_exports_per_client = 0\n"
            + "max_dump_bytes = \"2MiB\"\n";
    assertEquals(
        new Limits(
            60,
            2,
            0,
            1,
            3,
            Duration.ofMillis(250),
            List.of("127.0.0.1", "::1"),
            7,
            1L << 30,
            20,
            5,
            9,
            3,
            0,
            2L << 20),
        load(temp, toml, Map.of()).limits());
    Limits overridden =
        load(
                temp,
                toml,
                Map.of(
                    "AYB__LIMITS__QUERIES_PER_MINUTE", "30",
                    "AYB__LIMITS__TRUSTED_PROXIES", "10.0.0.1 10.0.0.2",
                    "AYB__LIMITS__MAX_BYTES_PER_ENTITY", "64MiB"))
            .limits();
    assertEquals(30, overridden.queriesPerMinute());
    assertEquals(List.of("10.0.0.1", "10.0.0.2"), overridden.trustedProxies());
    assertEquals(64L << 20, overridden.maxBytesPerEntity());
    assertEquals(7, overridden.maxDatabasesPerEntity(), "untouched keys stay as in the file");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AYB__LIMITS__CONCURRENT_QUERIES|-1|Invalid `limits.concurrent_queries` in environment"
            + " variable AYB__LIMITS__CONCURRENT_QUERIES: -1 is out of range: queries between 0 and"
            + " 10000 expected",
        "AYB__LIMITS__QUEUE_WAIT|1h|Invalid `limits.queue_wait` in environment variable"
            + " AYB__LIMITS__QUEUE_WAIT: `1h` is out of range: between 10ms and 600s expected",
        "AYB__LIMITS__TRUSTED_PROXIES|proxy.example.org|Invalid `limits.trusted_proxies` in"
            + " environment variable AYB__LIMITS__TRUSTED_PROXIES: `proxy.example.org` is not an IP"
            + " address (names are not taken)",
        "AYB__LIMITS__MAX_BYTES_PER_ENTITY|lots|Invalid value for `limits.max_bytes_per_entity` in"
            + " environment variable AYB__LIMITS__MAX_BYTES_PER_ENTITY: expected a size (bytes, or"
            + " text such as \"64MiB\", \"512KiB\", \"1GiB\"), got \"lots\"",
      })
  void badValuesAreNamedWithTheirSource(String variable, String value, String message) {
    Path path = write(temp, MINIMAL);
    assertEquals(
        message,
        assertThrows(
                ConfigurationException.class,
                () -> ConfigurationLoader.load(path, Map.of(variable, value)))
            .getMessage());
  }
}
