package org.aybdb.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for the tests: S3Proxy's jar-with-dependencies (from Maven Central,
 * copied by each module's build to the path in system property {@code s3proxy.jar}) in a process of
 * its own, so its Jetty and jclouds never meet the tests' class path. The jclouds filesystem
 * backend keeps the objects under {@code home}: {@link #stop()} and {@link #start()} play an outage
 * and the objects survive it, as they would on a real server.
 */
public final class S3Proxy implements AutoCloseable {

  /** How long S3Proxy may take to listen on a busy machine. */
  private static final Duration START_UP = Duration.ofSeconds(60);

  private final Path jar;
  private final Path home;
  private final int port;
  private final String identity;
  private final String credential;
  private final List<String> buckets;
  private Process process;

  /**
   * A server on {@code port} with the access key {@code identity} and secret {@code credential};
   * {@code buckets} exist from the start (others can be created through the S3 API).
   */
  public S3Proxy(Path home, int port, String identity, String credential, String... buckets) {
    this.jar = Path.of(property("s3proxy.jar"));
    this.home = Objects.requireNonNull(home, "home");
    this.port = port;
    this.identity = Objects.requireNonNull(identity, "identity");
    this.credential = Objects.requireNonNull(credential, "credential");
    this.buckets = List.of(buckets);
  }

  /** A port nobody listens on now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts the server unless it runs, and returns once it accepts connections. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      Path data = Files.createDirectories(home.resolve("data"));
      for (String bucket : buckets) {
        // A bucket of the filesystem backend is a folder.
        Files.createDirectories(data.resolve(bucket));
      }
      Path properties = home.resolve("s3proxy.properties");
      Files.writeString(
          properties,
          String.join(
              "\n",
              "s3proxy.endpoint=" + endpoint(),
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + identity,
              "s3proxy.credential=" + credential,
              "jclouds.provider=filesystem",
              "jclouds.filesystem.basedir=" + data,
              ""));
      process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-jar",
                  jar.toString(),
                  "--properties",
                  properties.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start S3Proxy", e);
    }
    Process started = process;
    await("S3Proxy listening on " + port + " (log: " + log() + ")")
        .atMost(START_UP)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> listening(started));
  }

  /** Kills the server: connections are refused until {@link #start()}. */
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

  @Override
  public void close() {
    stop();
  }

  private boolean listening(Process started) {
    if (!started.isAlive()) {
      throw new IllegalStateException("S3Proxy exited; see " + log());
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private Path log() {
    return home.resolve("s3proxy.log");
  }

  private static String property(String name) {
    return Objects.requireNonNull(System.getProperty(name), name + " is not set (by the pom)");
  }
}
