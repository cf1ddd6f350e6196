package org.aybdb.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for a started {@code bin/ayb server}: S3Proxy's jar (copied from
 * Maven Central by the pom, system property {@code s3proxy.jar}) in a process of its own, with the
 * filesystem backend in {@code folder} and one bucket. {@link #serverEnvironment()} names it in the
 * server's {@code [snapshots]} settings.
 */
final class S3ProxyServer implements AutoCloseable {

  private static final String BUCKET = "ayb-cli-it";
  private static final String ACCESS_KEY = "cli-it-access-key";
  private static final String SECRET_KEY = "cli-it-secret-key";

  private final int port;
  private final Process process;

  private S3ProxyServer(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /** Starts S3Proxy with its data in {@code folder} and waits until it listens. */
  static S3ProxyServer start(Path folder) throws Exception {
    String jar = System.getProperty("s3proxy.jar");
    assertNotNull(jar, "system property s3proxy.jar (set by the pom) is missing");
    Path data = Files.createDirectories(folder.resolve("data"));
    Files.createDirectories(data.resolve(BUCKET));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path properties = folder.resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + data,
            ""));
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar,
                "--properties",
                properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("s3proxy.log").toFile())
            .start();
    S3ProxyServer server = new S3ProxyServer(port, process);
    try {
      server.awaitListening(folder);
    } catch (Throwable e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * The variables that make a started server snapshot every database to this S3 server every {@code
   * interval}, keeping at most {@code maxSnapshots} per database.
   */
  Map<String, String> serverEnvironment(String interval, int maxSnapshots) {
    return Map.of(
        "AYB__SNAPSHOTS__ENDPOINT_URL",
        "http://127.0.0.1:" + port,
        "AYB__SNAPSHOTS__ACCESS_KEY_ID",
        ACCESS_KEY,
        "AYB__SNAPSHOTS__SECRET_ACCESS_KEY",
        SECRET_KEY,
        "AYB__SNAPSHOTS__BUCKET",
        BUCKET,
        "AYB__SNAPSHOTS__PATH_PREFIX",
        "cli-it",
        "AYB__SNAPSHOTS__FORCE_PATH_STYLE",
        "true",
        "AYB__SNAPSHOTS__AUTOMATION__INTERVAL",
        interval,
        "AYB__SNAPSHOTS__AUTOMATION__MAX_SNAPSHOTS",
        Integer.toString(maxSnapshots));
  }

  private void awaitListening(Path folder) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("S3Proxy exited:\n" + Files.readString(folder.resolve("s3proxy.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    fail("S3Proxy did not listen within 60 s");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
