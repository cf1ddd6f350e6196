package org.aybdb.cli.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.junit.jupiter.api.Test;

class ServerLauncherTest {

  @Test
  void aTakenPortIsReportedBeforeStarting() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      CliException wildcard =
          assertThrows(CliException.class, () -> ServerLauncher.checkPortIsFree("0.0.0.0", port));
      CliException loopback =
          assertThrows(CliException.class, () -> ServerLauncher.checkPortIsFree("127.0.0.1", port));

      assertEquals(ExitCodes.ERROR, wildcard.exitCode());
      assertTrue(
          wildcard.getMessage().startsWith("port " + port + " is already in use;"),
          wildcard.getMessage());
      assertTrue(
          loopback.getMessage().startsWith("port " + port + " is already in use on 127.0.0.1"),
          loopback.getMessage());
    }
  }

  @Test
  void aFreePortPasses() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    assertDoesNotThrow(() -> ServerLauncher.checkPortIsFree("127.0.0.1", port));
  }

  @Test
  void anUnknownHostIsReported() {
    CliException failure =
        assertThrows(
            CliException.class, () -> ServerLauncher.checkPortIsFree("no-such-host.invalid", 5433));

    assertTrue(failure.getMessage().contains("unknown host"), failure.getMessage());
  }

  @Test
  void metadataUrlsLoseTheirPassword() {
    assertEquals(
        "jdbc:postgresql://db:5432/ayb?currentSchema=ayb",
        ServerLauncher.withoutPassword(
            "jdbc:postgresql://db:5432/ayb?password=secret&currentSchema=ayb"));
    assertEquals(
        "jdbc:postgresql://db:5432/ayb?currentSchema=ayb",
        ServerLauncher.withoutPassword(
            "jdbc:postgresql://db:5432/ayb?currentSchema=ayb&password=secret"));
    assertEquals(
        "jdbc:postgresql://me@db/ayb",
        ServerLauncher.withoutPassword("jdbc:postgresql://me:pw@db/ayb"));
    assertEquals(
        "jdbc:sqlite:/srv/ayb_data/ayb.sqlite",
        ServerLauncher.withoutPassword("jdbc:sqlite:/srv/ayb_data/ayb.sqlite"));
  }

  @Test
  void urls() {
    assertEquals("http://localhost:5433", ServerLauncher.localUrl("0.0.0.0", 5433));
    assertEquals("http://localhost:5433", ServerLauncher.localUrl("127.0.0.1", 5433));
    assertEquals("http://10.0.0.7:5433", ServerLauncher.localUrl("10.0.0.7", 5433));
    assertEquals("http://[fe80::1]:80", ServerLauncher.localUrl("fe80::1", 80));
    assertEquals("http://127.0.0.1:5433/health", HealthProbe.uri("0.0.0.0", 5433).toString());
    assertEquals("http://10.0.0.7:1/health", HealthProbe.uri("10.0.0.7", 1).toString());
  }
}
