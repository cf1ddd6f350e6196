package org.aybdb.interfaces.rest;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the {@link S3TestServer} when the test run begins, before any test starts Payara Micro, so
 * the application's first snapshot run already finds its storage. When the run ends, stops the
 * {@link SharedServer} (if a test started it), then the S3 server.
 */
public class S3TestServerSession implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("ayb.test.s3.port") != null) {
      S3TestServer.shared();
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    SharedServer.stop();
    S3TestServer.stopShared();
  }
}
