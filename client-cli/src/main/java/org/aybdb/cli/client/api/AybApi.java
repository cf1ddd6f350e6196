package org.aybdb.cli.client.api;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.aybdb.cli.CliException;
import org.aybdb.cli.ExitCodes;
import org.aybdb.cli.client.api.Responses.ApiToken;
import org.aybdb.cli.client.api.Responses.DatabaseDetails;
import org.aybdb.cli.client.api.Responses.EntityDetails;
import org.aybdb.cli.client.api.Responses.Permission;
import org.aybdb.cli.client.api.Responses.QueryResult;
import org.aybdb.cli.client.api.Responses.Snapshot;
import org.aybdb.cli.client.api.Responses.TokenInfo;

/**
 * Every endpoint of ayb's HTTP API that the command line calls, at {@code <url>/v1/...}, with ayb's
 * headers and bodies.
 *
 * <p>A 2xx answer is a success. Any other answer is read as ayb's JSON error body whatever its
 * status (ayb answers 500 for most errors, this project's server a fitting 4xx) and thrown as an
 * {@link ApiException}. Endpoints that need a token fail before any request when there is none,
 * with ayb's message. A server that can't be reached is a {@link CliException} with status {@link
 * ExitCodes#UNAVAILABLE} naming the URL.
 */
public final class AybApi implements AutoCloseable {

  public static final String NO_TOKEN =
      "Calling endpoint that requires client API token, but none provided";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private enum Auth {
    /** No token is sent. */
    NONE,
    /** The token is sent when there is one. */
    OPTIONAL,
    /** The call fails without a token. */
    REQUIRED
  }

  private final String url;
  private final String base;
  private final String token;
  private final String userAgent;
  private HttpClient http;

  /**
   * @param url the server URL as configured, e.g. {@code http://localhost:5433}
   * @param token the API token, or null
   * @param userAgent the {@code User-Agent} header
   * @throws CliException ({@link ExitCodes#CONFIG}) if the URL is not an http(s) URL with a host
   */
  public AybApi(String url, String token, String userAgent) {
    this.url = url;
    this.base = validate(url);
    this.token = token;
    this.userAgent = userAgent;
  }

  /** The URL without trailing slashes; requests go to {@code <base>/v1/...}. */
  static String validate(String url) {
    String base = url.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(base);
    } catch (URISyntaxException e) {
      throw invalidUrl(url, e.getReason() + " at index " + e.getIndex());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalidUrl(url, "it must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalidUrl(url, "it has no host name");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalidUrl(url, "it must not have a query or a fragment");
    }
    return base;
  }

  private static CliException invalidUrl(String url, String reason) {
    return new CliException(ExitCodes.CONFIG, "invalid server URL '" + url + "': " + reason);
  }

  /**
   * Stops the HTTP client's selector thread. Java 17's HttpClient can't be closed, and its selector
   * thread waits in native code for the next event, which makes the JVM's exit wait 300 ms for it;
   * interrupting it ends it at once (the client is never used again).
   */
  @Override
  public void close() {
    HttpClient client = http;
    http = null;
    if (client == null) {
      return;
    }
    if (client instanceof AutoCloseable closeable) { // Java 21 and later
      try {
        closeable.close();
      } catch (Exception e) {
        // closing is best effort
      }
      return;
    }
    String description = client.toString(); // ...HttpClientImpl@1a2b3c(7)
    int open = description.lastIndexOf('(');
    if (open < 0 || !description.endsWith(")")) {
      return;
    }
    String name =
        "HttpClient-"
            + description.substring(open + 1, description.length() - 1)
            + "-SelectorManager";
    Thread[] threads = new Thread[Thread.activeCount() + 16];
    int count = Thread.enumerate(threads);
    for (int i = 0; i < count; i++) {
      if (threads[i].getName().equals(name)) {
        threads[i].interrupt();
        try {
          threads[i].join(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** The token requests are made with, or null. */
  public String token() {
    return token;
  }

  // ---- accounts -------------------------------------------------------------------------------

  /** {@code POST /v1/register}. */
  public void register(String entity, String emailAddress, String entityType) {
    send(
        "POST",
        "register",
        headers("entity", entity, "email-address", emailAddress, "entity-type", entityType),
        null,
        null,
        Auth.NONE);
  }

  /** {@code POST /v1/confirm}: the entity and the new API token. */
  public ApiToken confirm(String authenticationToken) {
    return read(
        send(
            "POST",
            "confirm",
            headers("authentication-token", authenticationToken),
            null,
            null,
            Auth.NONE),
        ApiToken::from);
  }

  /** {@code POST /v1/log_in}. */
  public void logIn(String entity) {
    send("POST", "log_in", headers("entity", entity), null, null, Auth.NONE);
  }

  /** {@code GET /v1/entity/{entity}}, with the token if there is one. */
  public Reply<EntityDetails> entityDetails(String entity) {
    String body = send("GET", "entity/" + segment(entity), Map.of(), null, null, Auth.OPTIONAL);
    return new Reply<>(read(body, EntityDetails::from), body);
  }

  /**
   * {@code PATCH /v1/entity/{entity}} with the given fields (a null value clears the field).
   *
   * @param update field name to value, in the order they are sent
   */
  public void updateProfile(String entity, Map<String, String> update) {
    send(
        "PATCH",
        "entity/" + segment(entity),
        Map.of(),
        Json.object(update),
        "application/json",
        Auth.REQUIRED);
  }

  /** {@code GET /v1/tokens}. */
  public Reply<List<TokenInfo>> tokens() {
    String body = send("GET", "tokens", Map.of(), null, null, Auth.REQUIRED);
    return new Reply<>(read(body, Responses::tokens), body);
  }

  /** {@code DELETE /v1/tokens/{short_token}}. */
  public void revokeToken(String shortToken) {
    send("DELETE", "tokens/" + segment(shortToken), Map.of(), null, null, Auth.REQUIRED);
  }

  // ---- databases ------------------------------------------------------------------------------

  /** {@code POST /v1/{entity}/{database}/create}. */
  public void createDatabase(
      String entity, String database, String databaseType, String publicSharingLevel) {
    send(
        "POST",
        path(entity, database, "create"),
        headers("db-type", databaseType, "public-sharing-level", publicSharingLevel),
        null,
        null,
        Auth.REQUIRED);
  }

  /** {@code POST /v1/{entity}/{database}/query} with the SQL as the body. */
  public Reply<QueryResult> query(String entity, String database, String sql) {
    String body =
        send(
            "POST",
            path(entity, database, "query"),
            Map.of(),
            sql,
            "text/plain; charset=utf-8",
            Auth.REQUIRED);
    return new Reply<>(read(body, QueryResult::from), body);
  }

  /**
   * {@code POST /v1/{entity}/{database}/query} with a JSON body: the SQL and {@code paramsJson} (a
   * JSON array or object of values) bound to its parameters.
   */
  public Reply<QueryResult> query(String entity, String database, String sql, String paramsJson) {
    String body =
        send(
            "POST",
            path(entity, database, "query"),
            Map.of(),
            "{\"query\":" + Json.quote(sql) + ",\"params\":" + paramsJson + "}",
            "application/json",
            Auth.REQUIRED);
    return new Reply<>(read(body, QueryResult::from), body);
  }

  /** {@code GET /v1/{entity}/{database}/details}, with the token if there is one. */
  public Reply<DatabaseDetails> databaseDetails(String entity, String database) {
    String body =
        send("GET", path(entity, database, "details"), Map.of(), null, null, Auth.OPTIONAL);
    return new Reply<>(read(body, DatabaseDetails::from), body);
  }

  /** {@code PATCH /v1/{entity}/{database}/update}. */
  public void updateDatabase(String entity, String database, String publicSharingLevel) {
    send(
        "PATCH",
        path(entity, database, "update"),
        headers("public-sharing-level", publicSharingLevel),
        null,
        null,
        Auth.REQUIRED);
  }

  /** {@code POST /v1/{entity}/{database}/share}. */
  public void share(
      String entity, String database, String entityForPermission, String sharingLevel) {
    send(
        "POST",
        path(entity, database, "share"),
        headers("entity-for-permission", entityForPermission, "sharing-level", sharingLevel),
        null,
        null,
        Auth.REQUIRED);
  }

  /** {@code GET /v1/{entity}/{database}/permissions}. */
  public Reply<List<Permission>> databasePermissions(String entity, String database) {
    String body =
        send("GET", path(entity, database, "permissions"), Map.of(), null, null, Auth.REQUIRED);
    return new Reply<>(read(body, Responses::permissions), body);
  }

  /** {@code GET /v1/{entity}/{database}/list_snapshots}. */
  public Reply<List<Snapshot>> snapshots(String entity, String database) {
    String body =
        send("GET", path(entity, database, "list_snapshots"), Map.of(), null, null, Auth.REQUIRED);
    return new Reply<>(read(body, Responses::snapshots), body);
  }

  /** {@code POST /v1/{entity}/{database}/restore_snapshot} with the snapshot id as the body. */
  public void restoreSnapshot(String entity, String database, String snapshotId) {
    send(
        "POST",
        path(entity, database, "restore_snapshot"),
        Map.of(),
        snapshotId,
        "text/plain; charset=utf-8",
        Auth.REQUIRED);
  }

  /**
   * {@code GET /v1/{entity}/{database}/export}: the database file, written to {@code target} (first
   * beside it, then renamed, so a failed download leaves no partial file); its SHA-256 is checked
   * against the server's {@code Repr-Digest} when there is one.
   *
   * @return the bytes written
   */
  public long export(String entity, String database, Path target) {
    return export(entity, database, "sqlite", target);
  }

  /**
   * Like {@link #export(String, String, Path)} in {@code format}: {@code sqlite} or {@code sql}.
   */
  public long export(String entity, String database, String format, Path target) {
    HttpResponse<InputStream> response =
        exchange(
            "GET",
            path(entity, database, "export")
                + ("sqlite".equals(format)
                    ? ""
                    : "?format=" + java.net.URLEncoder.encode(format, StandardCharsets.UTF_8)),
            Map.of(),
            HttpRequest.BodyPublishers.noBody(),
            null,
            Auth.OPTIONAL,
            HttpResponse.BodyHandlers.ofInputStream());
    return Downloads.save(response, target);
  }

  /**
   * {@code POST /v1/{entity}/{database}/import}: {@code file} as the part {@code database} of a
   * {@code multipart/form-data} body, streamed from disk.
   */
  public void importDatabase(String entity, String database, Path file) {
    String boundary = "ayb-" + java.util.UUID.randomUUID();
    HttpRequest.BodyPublisher body;
    try {
      body = Downloads.multipart(boundary, "database", file);
    } catch (IOException e) {
      throw new ApiException(AybError.other("Can't read " + file + ": " + e.getMessage()));
    }
    HttpResponse<byte[]> response =
        exchange(
            "POST",
            path(entity, database, "import"),
            Map.of(),
            body,
            "multipart/form-data; boundary=" + boundary,
            Auth.REQUIRED,
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() < 200 || response.statusCode() >= 300) {
      throw new ApiException(
          error(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8)));
    }
  }

  /** {@code POST /v1/{entity}/{database}/fork} with header {@code fork-to}. */
  public void fork(String entity, String database, String forkTo) {
    send(
        "POST",
        path(entity, database, "fork"),
        headers("fork-to", forkTo),
        null,
        null,
        Auth.REQUIRED);
  }

  // ---- the exchange ---------------------------------------------------------------------------

  private static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  private static String path(String entity, String database, String action) {
    return segment(entity) + "/" + segment(database) + "/" + action;
  }

  /** A path segment, percent-encoded (UTF-8) except RFC 3986's unreserved and sub-delims. */
  static String segment(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
      if (plain) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /** Sends one request; the body of a 2xx answer, else throws the error the server reported. */
  private String send(
      String method,
      String path,
      Map<String, String> headers,
      String body,
      String contentType,
      Auth auth) {
    HttpResponse<byte[]> response =
        exchange(
            method,
            path,
            headers,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
            contentType,
            auth,
            HttpResponse.BodyHandlers.ofByteArray());
    String answer = new String(response.body(), StandardCharsets.UTF_8);
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return answer;
    }
    throw new ApiException(error(status, answer));
  }

  /** Sends one request with any body and reads the answer with {@code handler}. */
  private <T> HttpResponse<T> exchange(
      String method,
      String path,
      Map<String, String> headers,
      HttpRequest.BodyPublisher body,
      String contentType,
      Auth auth,
      HttpResponse.BodyHandler<T> handler) {
    if (auth == Auth.REQUIRED && token == null) {
      throw new ApiException(AybError.other(NO_TOKEN));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/v1/" + path)).header("User-Agent", userAgent);
    try {
      headers.forEach(request::header);
      if (auth != Auth.NONE && token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          AybError.other("Can't send a value in an HTTP header: " + e.getMessage()));
    }
    request.method(method, body);
    try {
      return client().send(request.build(), handler);
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.ERROR, "interrupted while waiting for " + url);
    }
  }

  private HttpClient client() {
    if (http == null) {
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NORMAL);
      if (base.regionMatches(true, 0, "http:", 0, 5)) {
        // Plain HTTP: spare the start-up the default TLS context (its providers and the CA
        // certificates), which HttpClient would otherwise load whether it is used or not.
        builder.sslContext(NoTls.CONTEXT).sslParameters(new SSLParameters());
      }
      http = builder.build();
    }
    return http;
  }

  /** The error an unsuccessful answer carries. */
  static AybError error(int status, String body) {
    String reason;
    if (body.isBlank()) {
      reason = "the body is empty";
    } else {
      try {
        return AybError.parse(Json.parseObject(body));
      } catch (JsonException | ClassCastException e) {
        reason = e.getMessage() + " in " + excerpt(body);
      }
    }
    return AybError.other(
        "Unable to parse error response: " + reason + ", response code: " + statusLine(status));
  }

  private static <T> T read(String body, Function<JsonObject, T> reader) {
    try {
      return reader.apply(Json.parseObject(body));
    } catch (JsonException | ClassCastException e) {
      throw new ApiException(
          AybError.other("Unable to parse successful response: " + e.getMessage()));
    }
  }

  private static String excerpt(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() > 120 ? line.substring(0, 120) + "..." : line;
  }

  /** The status as reqwest prints it: {@code 401 Unauthorized}. */
  static String statusLine(int status) {
    String reason =
        switch (status) {
          case 200 -> "OK";
          case 201 -> "Created";
          case 204 -> "No Content";
          case 301 -> "Moved Permanently";
          case 302 -> "Found";
          case 304 -> "Not Modified";
          case 307 -> "Temporary Redirect";
          case 308 -> "Permanent Redirect";
          case 400 -> "Bad Request";
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          case 404 -> "Not Found";
          case 405 -> "Method Not Allowed";
          case 406 -> "Not Acceptable";
          case 409 -> "Conflict";
          case 413 -> "Payload Too Large";
          case 415 -> "Unsupported Media Type";
          case 422 -> "Unprocessable Entity";
          case 429 -> "Too Many Requests";
          case 500 -> "Internal Server Error";
          case 501 -> "Not Implemented";
          case 502 -> "Bad Gateway";
          case 503 -> "Service Unavailable";
          case 504 -> "Gateway Timeout";
          default -> "";
        };
    return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
  }

  /** A transport failure as one line that names the server. */
  private CliException unreachable(IOException failure) {
    String reason = null;
    boolean refused = false;
    for (Throwable cause = failure; cause != null && reason == null; cause = cause.getCause()) {
      if (cause instanceof HttpConnectTimeoutException) {
        reason = "timed out connecting after " + CONNECT_TIMEOUT.toSeconds() + " s";
      } else if (cause instanceof HttpTimeoutException) {
        reason = "timed out waiting for an answer";
      } else if (cause instanceof UnresolvedAddressException
          || cause instanceof UnknownHostException) {
        reason = "unknown host " + URI.create(base).getHost();
      } else if (cause instanceof SSLException) {
        reason = "TLS failure: " + cause.getMessage();
      }
      refused |= cause instanceof ConnectException;
    }
    if (reason == null && refused) {
      reason = "connection refused";
    }
    if (reason == null) {
      String message = failure.getMessage();
      reason =
          message == null || message.isBlank()
              ? failure.getClass().getSimpleName()
              : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
    return new CliException(
        ExitCodes.UNAVAILABLE, "could not reach " + url + ": " + reason, failure);
  }
}
