package org.aybdb.cli.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks the server's {@code GET /health} whether ayb is up. */
final class HealthProbe {

  /** What one probe saw: the status (0 when nothing answered) and the start of the body. */
  record Answer(int status, boolean healthy, String body) {
    static final Answer NOTHING = new Answer(0, false, "");
  }

  private final HttpClient client;
  private final HttpRequest request;

  HealthProbe(URI uri) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(2))
            .header("Accept", "application/json")
            .GET()
            .build();
  }

  /** {@code http://<address>:<port>/health}, the address being one the server listens on. */
  static URI uri(String host, int port) {
    return URI.create(
        "http://" + ServerLauncher.hostForUrl(probeHost(host)) + ":" + port + "/health");
  }

  /** A wildcard address is probed on the loopback interface. */
  static String probeHost(String host) {
    if (ServerFiles.isWildcard(host) || "::".equals(host) || "[::]".equals(host)) {
      return "127.0.0.1";
    }
    return host;
  }

  Answer probe() {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body() == null ? "" : response.body().strip();
      return new Answer(
          response.statusCode(),
          response.statusCode() == 200 && body.contains("ok"),
          body.length() > 200 ? body.substring(0, 200) + "..." : body);
    } catch (IOException e) {
      return Answer.NOTHING;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.NOTHING;
    }
  }
}
