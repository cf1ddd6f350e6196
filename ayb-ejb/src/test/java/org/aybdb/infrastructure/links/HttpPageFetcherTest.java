package org.aybdb.infrastructure.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.aybdb.infrastructure.links.HttpPageFetcher.Rules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guarded fetcher against real listeners on loopback: a page server on 127.0.0.2 that the
 * tests' rules treat as "public", and a bare TCP listener on 127.0.0.1 (same port) that counts
 * every connection made to it, so a refused fetch is shown to reach nothing at all.
 */
class HttpPageFetcherTest {

  private static final InetAddress PUBLIC_STAND_IN = address("127.0.0.2");

  private HttpServer server;
  private ServerSocket loopback;
  private final AtomicInteger loopbackConnections = new AtomicInteger();
  private int port;
  private HttpPageFetcher fetcher;

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(PUBLIC_STAND_IN, 0), 0);
    port = server.getAddress().getPort();
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/page", exchange -> respond(exchange, 200, "<a rel=me>hi</a>"));
    server.createContext("/missing", exchange -> respond(exchange, 404, "<a rel=me>"));
    server.createContext("/huge", exchange -> respond(exchange, 200, "x".repeat(1_000_000)));
    server.createContext("/to-loopback", exchange -> redirect(exchange, loopbackUrl("/secret")));
    server.createContext(
        "/chain",
        exchange -> {
          int left = Integer.parseInt(exchange.getRequestURI().getQuery());
          redirect(exchange, left == 0 ? "/page" : "/chain?" + (left - 1));
        });
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
    loopback = new ServerSocket();
    loopback.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
    Thread acceptor =
        new Thread(
            () -> {
              while (!loopback.isClosed()) {
                try (Socket ignored = loopback.accept()) {
                  loopbackConnections.incrementAndGet();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    fetcher =
        fetcher(address -> address.equals(PUBLIC_STAND_IN) || PublicAddresses.isPublic(address));
  }

  private HttpPageFetcher fetcher(java.util.function.Predicate<InetAddress> allowed) {
    return new HttpPageFetcher(
        Duration.ofSeconds(2), Duration.ofMillis(1500), 1024, new Rules("http", port, 3, allowed));
  }

  @AfterEach
  void stop() throws Exception {
    fetcher.close();
    server.stop(0);
    loopback.close();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException clientWentAway) {
      // The capped reader stops early.
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.2:" + port + path);
  }

  private String loopbackUrl(String path) {
    return "http://127.0.0.1:" + port + path;
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
  void followsAtMostThreeRedirects() {
    assertEquals(Optional.of("<a rel=me>hi</a>"), fetcher.fetch(uri("/chain?2")).join());
    assertEquals(Optional.empty(), fetcher.fetch(uri("/chain?3")).join());
  }

  @Test
  void theLoopbackListenerIsReachableWhenTheRulesAllowIt() throws Exception {
    // The control for the tests below: without the guard, these fetches do reach the listener.
    try (HttpPageFetcher unguarded = fetcher(address -> true)) {
      unguarded.fetch(URI.create(loopbackUrl("/"))).join();
      unguarded.fetch(uri("/to-loopback")).join();
    }
    assertEquals(2, loopbackConnections.get());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "localhost",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]",
        "2130706433",
        "0x7f000001",
        "127.1",
        "0",
        "0.0.0.0",
        "[::]",
        "017700000001"
      })
  void noSpellingOfLoopbackIsConnectedTo(String host) {
    assertEquals(
        Optional.empty(), fetcher.fetch(URI.create("http://" + host + ":" + port + "/")).join());
    assertEquals(0, loopbackConnections.get());
  }

  @Test
  void aRedirectToLoopbackIsNotFollowed() {
    assertEquals(Optional.empty(), fetcher.fetch(uri("/to-loopback")).join());
    assertEquals(0, loopbackConnections.get());
  }

  @Test
  void onlyTheAllowedSchemeAndPortAreFetched() throws Exception {
    try (HttpPageFetcher otherPort =
        new HttpPageFetcher(
            Duration.ofSeconds(2),
            Duration.ofMillis(1500),
            1024,
            new Rules("http", port + 1, 3, address -> true))) {
      assertEquals(Optional.empty(), otherPort.fetch(URI.create(loopbackUrl("/"))).join());
      assertEquals(
          Optional.empty(), fetcher.fetch(URI.create("ftp://127.0.0.2:" + port + "/page")).join());
      assertEquals(
          Optional.empty(),
          fetcher.fetch(URI.create("http://user:pw@127.0.0.2:" + port + "/page")).join());
    }
    assertEquals(0, loopbackConnections.get());
  }

  @Test
  void theServersRulesAreHttpsOnPort443ToPublicAddresses() {
    Rules rules = Rules.internet();
    assertEquals("https", rules.scheme());
    assertEquals(443, rules.port());
    assertEquals(3, rules.maxRedirects());
    assertTrue(rules.allowed().test(address("93.184.215.14")));
    assertTrue(!rules.allowed().test(PUBLIC_STAND_IN));
  }
}
