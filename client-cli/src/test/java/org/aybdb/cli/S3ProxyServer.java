package org.aybdb.cli;

import java.nio.file.Path;
import java.util.Map;
import org.aybdb.testsupport.S3Proxy;

/**
 * A real S3-compatible server for a started {@code bin/ayb server}: an {@link S3Proxy} with its
 * data in {@code folder} and one bucket. {@link #serverEnvironment} names it in the server's {@code
 * [snapshots]} settings.
 */
final class S3ProxyServer implements AutoCloseable {

  private static final String BUCKET = "ayb-cli-it";
  private static final String ACCESS_KEY = "cli-it-access-key";
  private static final String SECRET_KEY = "cli-it-secret-key";

  private final S3Proxy proxy;

  private S3ProxyServer(S3Proxy proxy) {
    this.proxy = proxy;
  }

  /** Starts S3Proxy with its data in {@code folder} and waits until it listens. */
  static S3ProxyServer start(Path folder) {
    S3Proxy proxy = new S3Proxy(folder, S3Proxy.freePort(), ACCESS_KEY, SECRET_KEY, BUCKET);
    try {
      proxy.start();
    } catch (RuntimeException e) {
      proxy.close();
      throw e;
    }
    return new S3ProxyServer(proxy);
  }

  /**
   * The variables that make a started server snapshot every database to this S3 server every {@code
   * interval}, keeping at most {@code maxSnapshots} per database.
   */
  Map<String, String> serverEnvironment(String interval, int maxSnapshots) {
    return Map.of(
        "AYB__SNAPSHOTS__ENDPOINT_URL",
        proxy.endpoint(),
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

  @Override
  public void close() {
    proxy.close();
  }
}
