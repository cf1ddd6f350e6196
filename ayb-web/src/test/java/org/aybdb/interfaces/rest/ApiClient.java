package org.aybdb.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests against the deployed API for the black-box tests, and their JSON answers. */
public final class ApiClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String base;
  private final HttpClient http;

  public ApiClient(URL base) {
    this(base, HTTP);
  }

  /** With a client of its own: connections that begin after whatever came before. */
  public ApiClient(URL base, HttpClient http) {
    this.base = base.toString().replaceAll("/$", "");
    this.http = java.util.Objects.requireNonNull(http, "http");
  }

  /** A request to {@code path} (starting with {@code /}). */
  /**
   * A request for one of Payara's own endpoints ({@code /metrics}), with the {@code [management]}
   * token the test servers are given, so that the request is a management client's wherever it
   * comes from.
   */
  public HttpRequest.Builder management(String path) {
    return request(path)
        .header("Authorization", "Bearer " + System.getProperty("ayb.test.managementToken"));
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Like {@link #send}, the body kept as bytes (a database file). */
  public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The body of a JSON answer (its content type is checked). */
  public static JsonObject json(HttpResponse<String> response) {
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        "JSON content type, got " + response.headers().map() + " " + response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
