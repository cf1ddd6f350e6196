package org.aybdb.infrastructure.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on loopback. */
class HttpPageFetcherTest {

  private HttpServer server;
  private final HttpPageFetcher fetcher =
      new HttpPageFetcher(Duration.ofSeconds(2), Duration.ofMillis(1500), 1024);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/page", exchange -> respond(exchange, 200, "<a rel=me>hi</a>"));
    server.createContext("/missing", exchange -> respond(exchange, 404, "<a rel=me>"));
    server.createContext("/huge", exchange -> respond(exchange, 200, "x".repeat(100_000)));
    server.createContext(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(5000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(exchange, 200, "late");
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (java.io.IOException clientWentAway) {
      // The capped reader stops early.
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void returnsThePage() {
    assertEquals(Optional.of("<a rel=me>hi</a>"), fetcher.fetch(uri("/page")).join());
  }

  @Test
  void aNon2xxAnswerIsNoPage() {
    assertEquals(Optional.empty(), fetcher.fetch(uri("/missing")).join());
  }

  @Test
  void readsAtMostTheCap() {
    assertEquals(Optional.of("x".repeat(1024)), fetcher.fetch(uri("/huge")).join());
  }

  @Test
  void givesUpAfterTheTotalTimeout() {
    long started = System.nanoTime();
    assertEquals(Optional.empty(), fetcher.fetch(uri("/slow")).join());
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    assertTrue(millis < 4000, "took " + millis + " ms");
  }

  @Test
  void nothingListeningIsNoPage() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertEquals(
        Optional.empty(), fetcher.fetch(URI.create("http://127.0.0.1:" + port + "/")).join());
  }

  @Test
  void aTlsHandshakeWithAPlainServerIsNoPage() {
    URI https = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/page");
    assertEquals(Optional.empty(), fetcher.fetch(https).join());
  }
}
