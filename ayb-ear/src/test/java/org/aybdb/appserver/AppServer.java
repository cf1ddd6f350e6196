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

  /** Stops the server, killing it if it does not stop in time. Safe to call twice. */
  @Override
  void close();
}
