package org.aybdb.infrastructure.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for the tests: S3Proxy's jar-with-dependencies (from Maven Central,
 * copied by the build to {@code s3proxy.jar}) in its own process with the jclouds filesystem
 * backend, so stopping and starting it again keeps the objects, as a real outage would.
 */
public final class S3ProxyServer implements AutoCloseable {

  public static final String IDENTITY = "test-access-key";
  public static final String CREDENTIAL = "test-secret-key";

  private final Path jar;
  private final Path home;
  private final int port;
  private Process process;

  public S3ProxyServer(Path home) {
    this.jar = Path.of(Objects.requireNonNull(System.getProperty("s3proxy.jar"), "s3proxy.jar"));
    this.home = home;
    this.port = freePort();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      Path data = Files.createDirectories(home.resolve("data"));
      Path properties = home.resolve("s3proxy.properties");
      Files.writeString(
          properties,
          String.join(
              "\n",
              "s3proxy.endpoint=" + endpoint(),
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + IDENTITY,
              "s3proxy.credential=" + CREDENTIAL,
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
