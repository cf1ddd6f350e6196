package org.aybdb.config;

import static org.aybdb.config.ConfigFixtures.FULL;
import static org.aybdb.config.ConfigFixtures.MINIMAL;
import static org.aybdb.config.ConfigFixtures.load;
import static org.aybdb.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.aybdb.config.AybConfiguration.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code [sandbox]}: defaults, every key from the file and the environment, and each error. */
class SandboxConfigurationTest {

  @TempDir Path temp;

  private String file() {
    return temp.resolve("ayb.toml").toAbsolutePath().normalize().toString();
  }

  private String failure(String toml, Map<String, String> environment) {
    Path path = write(temp, toml);
    return assertThrows(
            ConfigurationException.class, () -> ConfigurationLoader.load(path, environment))
        .getMessage();
  }

  @Test
  void absentSectionMeansSafeDefaults() {
    Sandbox sandbox = load(temp, MINIMAL, Map.of()).sandbox();
    assertEquals(Sandbox.defaults(), sandbox);
    assertEquals(false, sandbox.allowUnsandboxed(), "fail closed by default");
    assertEquals("auto", sandbox.network());
    assertEquals(16, sandbox.maxDaemons());
    assertEquals(Duration.ofMinutes(10), sandbox.idleTimeout());
    assertEquals(Duration.ofSeconds(10), sandbox.queryTimeout());
    assertEquals(64L << 20, sandbox.daemonMemory());
    assertEquals(1L << 30, sandbox.maxFileSize());
  }

  @Test
  void everyKeyFromTheFile() {
    assertEquals(
        new Sandbox(
            true,
            "required",
            4,
            Duration.ofSeconds(90),
            Duration.ofMillis(2500),
            1000,
            2 << 20,
            65536,
            1_000_000,
            96L << 20,
            2L << 30,
            64),
        load(temp, FULL, Map.of()).sandbox());
  }

  @Test
  void environmentOverridesTheFileAndTheDefaults() {
    Sandbox sandbox =
        load(
                temp,
                FULL,
                Map.of(
                    "AYB__SANDBOX__ALLOW_UNSANDBOXED", "false",
                    "AYB__SANDBOX__MAX_DAEMONS", "2",
                    "AYB__SANDBOX__IDLE_TIMEOUT", "1h",
                    "AYB__SANDBOX__DAEMON_MEMORY", "128M",
                    "AYB__SANDBOX__MAX_FILE_SIZE", "1048576",
                    "AYB__SANDBOX__NETWORK", "off"))
            .sandbox();
    assertEquals(false, sandbox.allowUnsandboxed());
    assertEquals(2, sandbox.maxDaemons());
    assertEquals(Duration.ofHours(1), sandbox.idleTimeout());
    assertEquals(128L << 20, sandbox.daemonMemory());
    assertEquals(1L << 20, sandbox.maxFileSize());
    assertEquals("off", sandbox.network());
    assertEquals(1000, sandbox.maxResultRows(), "untouched keys stay as in the file");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AYB__SANDBOX__MAX_DAEMONS|0|Invalid `sandbox.max_daemons` in environment variable"
            + " AYB__SANDBOX__MAX_DAEMONS: 0 is out of range: daemons between 1 and 10000 expected",
        "AYB__SANDBOX__MAX_DAEMONS|many|Invalid value for `sandbox.max_daemons` in environment"
            + " variable AYB__SANDBOX__MAX_DAEMONS: expected an integer, got \"many\"",
        "AYB__SANDBOX__NETWORK|maybe|Invalid `sandbox.network` in environment variable"
            + " AYB__SANDBOX__NETWORK: `maybe` is not one of auto (the default), required, off",
        "AYB__SANDBOX__IDLE_TIMEOUT|10|Invalid `sandbox.idle_timeout` in environment variable"
            + " AYB__SANDBOX__IDLE_TIMEOUT: Unable to parse duration `10`: time: missing unit in"
            + " duration \"10\" (Go duration syntax, e.g. 500ms, 10s, 10m)",
        "AYB__SANDBOX__QUERY_TIMEOUT|2h|Invalid `sandbox.query_timeout` in environment variable"
            + " AYB__SANDBOX__QUERY_TIMEOUT: `2h` is out of range: between 10ms and 3600s expected",
        "AYB__SANDBOX__DAEMON_MEMORY|16MiB|Invalid `sandbox.daemon_memory` in environment"
            + " variable AYB__SANDBOX__DAEMON_MEMORY: 16777216 is out of range: bytes between"
            + " 50331648 and 1099511627776 expected",
        "AYB__SANDBOX__MAX_FILE_SIZE|lots|Invalid value for `sandbox.max_file_size` in"
            + " environment variable AYB__SANDBOX__MAX_FILE_SIZE: expected a size (bytes, or text"
            + " such as \"64MiB\", \"512KiB\", \"1GiB\"), got \"lots\"",
        "AYB__SANDBOX__OPEN_FILES|4|Invalid `sandbox.open_files` in environment variable"
            + " AYB__SANDBOX__OPEN_FILES: 4 is out of range: files between 12 and 65536 expected",
        "AYB__SANDBOX__ALLOW_UNSANDBOXED|yes|Invalid value for `sandbox.allow_unsandboxed` in"
            + " environment variable AYB__SANDBOX__ALLOW_UNSANDBOXED: expected a boolean (true or false), got"
            + " \"yes\"",
      })
  void badValuesAreNamedWithTheirSource(String variable, String value, String message) {
    assertEquals(message, failure(MINIMAL, Map.of(variable, value)));
  }

  @Test
  void nestingAndStackKeys() {
    Sandbox defaults = load(temp, MINIMAL, Map.of()).sandbox();
    assertEquals(500, defaults.maxNestingKeywords());
    assertEquals(500, defaults.maxViewsAndTriggers());
    assertEquals(2L << 20, defaults.requestStack());
    Sandbox set =
        load(
                temp,
                MINIMAL,
                Map.of(
                    "AYB__SANDBOX__MAX_NESTING_KEYWORDS", "800",
                    "AYB__SANDBOX__MAX_VIEWS_AND_TRIGGERS", "0",
                    "AYB__SANDBOX__REQUEST_STACK", "4MiB"))
            .sandbox();
    assertEquals(800, set.maxNestingKeywords());
    assertEquals(0, set.maxViewsAndTriggers(), "0 forbids views and triggers");
    assertEquals(4L << 20, set.requestStack());
    assertEquals(
        "Invalid `sandbox.request_stack` in environment variable AYB__SANDBOX__REQUEST_STACK:"
            + " 65536 is out of range: bytes between 262144 and 1073741824 expected",
        failure(MINIMAL, Map.of("AYB__SANDBOX__REQUEST_STACK", "64KiB")));
    assertEquals(
        "Invalid `sandbox.max_nesting_keywords` in environment variable"
            + " AYB__SANDBOX__MAX_NESTING_KEYWORDS: 0 is out of range: keywords between 1 and"
            + " 100000 expected",
        failure(MINIMAL, Map.of("AYB__SANDBOX__MAX_NESTING_KEYWORDS", "0")));
  }

  @Test
  void prestartedLaunchersKey() {
    assertEquals(2, load(temp, MINIMAL, Map.of()).sandbox().prestartedLaunchers());
    assertEquals(
        0,
        load(temp, MINIMAL, Map.of("AYB__SANDBOX__PRESTARTED_LAUNCHERS", "0"))
            .sandbox()
            .prestartedLaunchers(),
        "0 switches pre-starting off");
    assertEquals(
        "Invalid `sandbox.prestarted_launchers` in environment variable"
            + " AYB__SANDBOX__PRESTARTED_LAUNCHERS: 65 is out of range: first stages between 0 and"
            + " 64 expected",
        failure(MINIMAL, Map.of("AYB__SANDBOX__PRESTARTED_LAUNCHERS", "65")));
  }

  @Test
  void readersPerDatabaseKey() {
    assertEquals(
        AybConfiguration.Sandbox.DEFAULT_READERS_PER_DATABASE,
        load(temp, MINIMAL, Map.of()).sandbox().readersPerDatabase());
    assertEquals(
        Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors())),
        AybConfiguration.Sandbox.DEFAULT_READERS_PER_DATABASE);
    assertEquals(
        1,
        load(temp, MINIMAL, Map.of("AYB__SANDBOX__READERS_PER_DATABASE", "1"))
            .sandbox()
            .readersPerDatabase(),
        "1: one daemon per database");
    assertEquals(
        "Invalid `sandbox.readers_per_database` in environment variable"
            + " AYB__SANDBOX__READERS_PER_DATABASE: 0 is out of range: daemons between 1 and"
            + " 64 expected",
        failure(MINIMAL, Map.of("AYB__SANDBOX__READERS_PER_DATABASE", "0")));
  }

  @Test
  void crashBackoffKeys() {
    Sandbox defaults = load(temp, MINIMAL, Map.of()).sandbox();
    assertEquals(Duration.ofSeconds(1), defaults.crashBackoffInitial());
    assertEquals(Duration.ofMinutes(1), defaults.crashBackoffMax());
    Sandbox set =
        load(
                temp,
                MINIMAL,
                Map.of(
                    "AYB__SANDBOX__CRASH_BACKOFF_INITIAL", "250ms",
                    "AYB__SANDBOX__CRASH_BACKOFF_MAX", "5m"))
            .sandbox();
    assertEquals(Duration.ofMillis(250), set.crashBackoffInitial());
    assertEquals(Duration.ofMinutes(5), set.crashBackoffMax());
    assertEquals(
        Duration.ZERO,
        load(temp, MINIMAL, Map.of("AYB__SANDBOX__CRASH_BACKOFF_INITIAL", "0s"))
            .sandbox()
            .crashBackoffInitial(),
        "0 switches the backoff off");
    assertEquals(
        "Invalid `sandbox.crash_backoff_max` in environment variable"
            + " AYB__SANDBOX__CRASH_BACKOFF_MAX: 2s is shorter than crash_backoff_initial (10s)",
        failure(
            MINIMAL,
            Map.of(
                "AYB__SANDBOX__CRASH_BACKOFF_INITIAL", "10s",
                "AYB__SANDBOX__CRASH_BACKOFF_MAX", "2s")));
  }

  @Test
  void wrongTypesInTheFile() {
    assertEquals(
        "Invalid type for `sandbox.max_result_rows` in "
            + file()
            + ": expected an integer, found a string",
        failure(MINIMAL + "\n[sandbox]\nmax_result_rows = \"10\"\n", Map.of()));
    assertEquals(
        "Invalid type for `sandbox.allow_unsandboxed` in "
            + file()
            + ": expected a boolean, found a string",
        failure(MINIMAL + "\n[sandbox]\nallow_unsandboxed = \"true\"\n", Map.of()));
  }

  @ParameterizedTest
  @CsvSource({
    "0,0",
    "4096,4096",
    "64MiB,67108864",
    "64 mib,67108864",
    "64M,67108864",
    "512KiB,524288",
    "1GiB,1073741824",
    "1GB,1000000000",
    "2kb,2000"
  })
  void byteSizes(String text, long bytes) {
    assertEquals(bytes, ByteSize.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"-1", "1.5MiB", "MiB", "12 parsecs", "99999999999TiB"})
  void notByteSizes(String text) {
    assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(text));
  }
}
