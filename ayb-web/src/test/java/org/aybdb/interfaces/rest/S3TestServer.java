package org.aybdb.interfaces.rest;

import java.nio.file.Path;
import java.util.Objects;
import java.util.logging.Logger;
import org.aybdb.testsupport.S3Proxy;

/**
 * The S3-compatible server the deployed application snapshots to: an {@link S3Proxy} with its data
 * under {@code ayb.test.s3.home}, on the port the build reserved ({@code ayb.test.s3.port}) and
 * named in the server's {@code AYB__SNAPSHOTS__ENDPOINT_URL}. The tests' JVM owns it: {@link
 * S3TestServerSession} starts it before Payara Micro, and a test may {@link #stop()} and {@link
 * #start()} it to play an outage; objects survive that.
 */
public final class S3TestServer {

  private static final Logger LOG = Logger.getLogger(S3TestServer.class.getName());

  private static S3TestServer shared;

  private final S3Proxy proxy;

  private S3TestServer() {
    this.proxy =
        new S3Proxy(
            Path.of(property("ayb.test.s3.home")),
            Integer.parseInt(property("ayb.test.s3.port")),
            property("ayb.test.s3.accessKey"),
            property("ayb.test.s3.secretKey"),
            property("ayb.test.s3.bucket"));
  }

  /** The one server of this test run, started if it is not running. */
  public static synchronized S3TestServer shared() {
    if (shared == null) {
      shared = new S3TestServer();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "s3proxy-stop"));
    }
    shared.start();
    return shared;
  }

  /** Stops the shared server if it was ever started. */
  static synchronized void stopShared() {
    if (shared != null) {
      shared.stop();
    }
  }

  public void start() {
    proxy.start();
    LOG.info("S3Proxy listening on " + proxy.endpoint());
  }

  /** Kills the server: the application's S3 requests are refused until {@link #start()}. */
  public void stop() {
    proxy.stop();
  }

  private static String property(String name) {
    return Objects.requireNonNull(System.getProperty(name), name + " is not set");
  }
}
