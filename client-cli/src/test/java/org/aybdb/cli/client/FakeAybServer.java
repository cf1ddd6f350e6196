package org.aybdb.cli.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for an ayb server in wire-format tests: answers {@code METHOD /path} with the status
 * and body it was given (the JSON bodies ayb's endpoints answer) and records every request. It
 * checks nothing; the real-server tests (*IT) check the real thing.
 */
public final class FakeAybServer implements AutoCloseable {

  /** One request as it arrived. */
  public record Request(String method, String path, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FakeAybServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code method path} with {@code status} and {@code body} (empty: no body). */
  public FakeAybServer answer(String method, String path, int status, String body) {
    answers.put(method + " " + path, new Answer(status, body));
    return this;
  }

  public List<Request> requests() {
    return requests;
  }

  public Request lastRequest() {
    return requests.get(requests.size() - 1);
  }

  /** The bodies of all requests so far. */
  public List<String> bodies() {
    return requests.stream().map(Request::body).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    requests.add(new Request(exchange.getRequestMethod(), path, headers, body));
    Answer answer =
        answers.getOrDefault(
            exchange.getRequestMethod() + " " + path,
            new Answer(404, "{\"type\":\"Other\",\"message\":\"No such endpoint\"}"));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    if (!answer.body().isEmpty()) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
