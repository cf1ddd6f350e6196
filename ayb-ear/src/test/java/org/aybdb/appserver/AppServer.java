package org.aybdb.appserver;

import java.net.URL;
import java.nio.file.Path;

/**
 * A full application server the tests unpack from Maven Central, start, deploy the EAR to and stop
 * again: every port it binds is one the build gave it, never a default.
 */
interface AppServer extends AutoCloseable {

  /** Starts the server; returns once it accepts deployments. */
  void start() throws Exception;

  /** Deploys {@code ear}; returns once the application answers. */
  void deploy(Path ear) throws Exception;

  /** Where the application's API answers (context root /). */
  URL application() throws Exception;

  /** The resident memory of the server's process in KiB, from /proc (0 if unknown). */
  long residentKib();

  /**
   * Starts the server and deploys {@code ear} to it, stopping it when the JVM exits; returns the
   * start and deploy times, the memory and the load average, for the test's log.
   */
  default String startAndDeploy(Path ear) throws Exception {
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "appserver-stop"));
    long started = System.nanoTime();
    start();
    long serverUp = System.nanoTime();
    deploy(ear);
    long deployed = System.nanoTime();
    String load;
    try {
      load = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      load = "?";
    }
    return String.format(
        "started in %.1f s, EAR deployed and answering in %.1f s, RSS %d MiB (load average %s)",
        (serverUp - started) / 1e9, (deployed - serverUp) / 1e9, residentKib() / 1024, load);
  }

  /** Stops the server, killing it if it does not stop in time. Safe to call twice. */
  @Override
  void close();
}
