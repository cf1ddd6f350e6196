package org.aybdb.infrastructure.sandbox.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.aybdb.config.AybConfiguration;
import org.junit.jupiter.api.Test;

/** The pool a {@code [sandbox]} section asks for: each of its settings, defaults for the rest. */
class PoolSettingsTest {

  @Test
  void everySandboxSettingReachesThePool() {
    AybConfiguration.Sandbox d = AybConfiguration.Sandbox.defaults();
    AybConfiguration.Sandbox sandbox =
        new AybConfiguration.Sandbox(
            d.allowUnsandboxed(),
            d.network(),
            7,
            Duration.ofMinutes(3),
            Duration.ofSeconds(4),
            d.maxResultRows(),
            d.maxResultBytes(),
            d.maxSqlBytes(),
            d.maxValueBytes(),
            d.daemonMemory(),
            d.maxFileSize(),
            d.openFiles(),
            Duration.ofMillis(300),
            Duration.ofSeconds(9),
            d.maxNestingKeywords(),
            d.maxViewsAndTriggers(),
            d.requestStack(),
            5,
            6);

    PoolSettings pool = PoolSettings.of(sandbox);

    PoolSettings base = PoolSettings.of(7, Duration.ofMinutes(3), Duration.ofSeconds(4));
    assertEquals(
        new PoolSettings(
            7,
            Duration.ofMinutes(3),
            base.validateAfterIdle(),
            Duration.ofSeconds(42),
            base.validationTimeout(),
            base.retireGrace(),
            Duration.ofMillis(300),
            Duration.ofSeconds(9),
            5,
            6),
        pool);
  }
}
