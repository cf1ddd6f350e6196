package org.aybdb.interfaces.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The S3-compatible server the deployed application snapshots to: S3Proxy's jar-with-dependencies
 * from Maven Central in a process of its own, with the jclouds filesystem backend under {@code
 * ayb.test.s3.home}, on the port the build reserved ({@code ayb.test.s3.port}) and named in the
 * server's {@code AYB__SNAPSHOTS__ENDPOINT_URL}. The tests' JVM owns it: {@link
 * S3TestServerSession} starts it before Payara Micro, and a test may {@link #stop()} and {@link
 * #start()} it to play an outage; objects survive that.
 */
public final class S3TestServer {

  private static final Logger LOG = Logger.getLogger(S3TestServer.class.getName());

  private static S3TestServer shared;

  private final Path jar;
  private final Path home;
  private final int port;
  private Process process;

  private S3TestServer() {
    this.jar = Path.of(property("s3proxy.jar"));
    this.home = Path.of(property("ayb.test.s3.home"));
    this.port = Integer.parseInt(property("ayb.test.s3.port"));
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

  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      // The bucket the server is configured with: a folder of the filesystem backend.
      Path data = Files.createDirectories(home.resolve("data"));
      Files.createDirectories(data.resolve(property("ayb.test.s3.bucket")));
      Path properties = home.resolve("s3proxy.properties");
      Files.writeString(
          properties,
          String.join(
              "\n",
              "s3proxy.endpoint=http://127.0.0.1:" + port,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + property("ayb.test.s3.accessKey"),
              "s3proxy.credential=" + property("ayb.test.s3.secretKey"),
              "jclouds.provider=filesystem",
              "jclouds.filesystem.basedir=" + data,
              ""));
      process =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-Xmx256m",
                      "-XX:TieredStopAtLevel=1",
                      "-XX:+UseSerialGC",
                      "-jar",
                      jar.toString(),
                      "--properties",
                      properties.toString()))
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(home.resolve("s3proxy.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start S3Proxy", e);
    }
    awaitListening();
    LOG.info("S3Proxy listening on port " + port);
  }

  /** Kills the server: the application's S3 requests are refused until {@link #start()}. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private void awaitListening() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited; see " + home.resolve("s3proxy.log"));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException("S3Proxy did not start within 60 s");
  }

  private static String property(String name) {
    return Objects.requireNonNull(System.getProperty(name), name + " is not set");
  }
}
