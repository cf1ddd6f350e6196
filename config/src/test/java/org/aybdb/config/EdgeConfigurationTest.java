package org.aybdb.config;

import static org.aybdb.config.ConfigFixtures.FULL;
import static org.aybdb.config.ConfigFixtures.MINIMAL;
import static org.aybdb.config.ConfigFixtures.load;
import static org.aybdb.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aybdb.config.AybConfiguration.Http;
import org.aybdb.config.AybConfiguration.Management;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [http]} and {@code [management]}: the limits and access rules of the HTTP edge. */
class EdgeConfigurationTest {

  @TempDir Path temp;

  @Test
  void absentTablesMeanDefaultsAndLoopbackOnlyManagement() {
    AybConfiguration configuration = load(temp, MINIMAL, Map.of());
    assertEquals(
        new Http(32, 60, 600, 30, Duration.ofMinutes(10), 100, 64, Duration.ofSeconds(10)),
        configuration.http());
    assertEquals(
        new Management(List.of("127.0.0.1", "::1"), Optional.empty()), configuration.management());
  }

  @Test
  void theFileAndTheEnvironmentSetThem() {
    AybConfiguration configuration =
        load(
            temp,
            FULL,
            Map.of(
                "AYB__HTTP__JSON_MAX_DEPTH", "8",
                "AYB__MANAGEMENT__ADDRESSES", "192.0.2.10 2001:db8::10"));
    assertEquals(
        new Http(8, 20, 200, 40, Duration.ofMinutes(5), 7, 12, Duration.ofSeconds(4), 50, 5, 1024),
        configuration.http());
    assertEquals(
        new Management(
            List.of("192.0.2.10", "2001:db8::10"), Optional.of("scrape-token-0123456789")),
        configuration.management());
  }

  @Test
  void badValuesAreRefused() {
    for (String bad :
        List.of(
            "[http]\njson_max_depth = 1\n",
            "[http]\nmax_batch_statements = 0\n",
            "[http]\nmax_query_params = -1\n",
            "[http]\nemails_per_client_per_hour = -1\n",
            "[http]\nanonymous_session_timeout = \"1s\"\n",
            "[http]\nmax_connections_per_client = 0\n",
            "[http]\nbody_timeout = \"100ms\"\n",
            "[management]\naddresses = [\"prometheus.internal\"]\n",
            "[management]\ntoken = \"short\"\n")) {
      Path path = write(temp, MINIMAL + "\n" + bad);
      ConfigurationException error =
          assertThrows(
              ConfigurationException.class, () -> ConfigurationLoader.load(path, Map.of()));
      assertTrue(error.getMessage().contains("Invalid"), error.getMessage());
    }
  }
}
