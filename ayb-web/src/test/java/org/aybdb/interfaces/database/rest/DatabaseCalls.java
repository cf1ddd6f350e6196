package org.aybdb.interfaces.database.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.aybdb.interfaces.rest.ApiClient;

/**
 * Requests to ayb's database endpoints for black-box tests. {@code authorization} is the whole
 * {@code Authorization} header value, or null for none.
 */
public final class DatabaseCalls {

  private final ApiClient api;

  public DatabaseCalls(ApiClient api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /** The client these calls go through. */
  public ApiClient api() {
    return api;
  }

  public HttpResponse<String> create(
      String authorization, String path, String dbType, String publicLevel) throws Exception {
    HttpRequest.Builder request = authorized(path + "/create", authorization);
    if (dbType != null) {
      request.header("db-type", dbType);
    }
    if (publicLevel != null) {
      request.header("public-sharing-level", publicLevel);
    }
    return api.send(request.POST(BodyPublishers.noBody()));
  }

  /** Creates a sqlite database and checks the 201. */
  public void createOrFail(String authorization, String path, String publicLevel) throws Exception {
    HttpResponse<String> created = create(authorization, path, "sqlite", publicLevel);
    assertEquals(201, created.statusCode(), created.body());
  }

  /** {@code PATCH /v1/entity/{entity}} with a JSON body. */
  public HttpResponse<String> updateProfile(String authorization, String entity, String json)
      throws Exception {
    return api.send(
        authorized("/v1/entity/" + entity, authorization)
            .header("Content-Type", "application/json")
            .method("PATCH", BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public HttpResponse<String> details(String authorization, String path) throws Exception {
    return api.send(authorized(path + "/details", authorization).GET());
  }

  public HttpResponse<String> update(String authorization, String path, String publicLevel)
      throws Exception {
    HttpRequest.Builder request = authorized(path + "/update", authorization);
    if (publicLevel != null) {
      request.header("public-sharing-level", publicLevel);
    }
    return api.send(request.method("PATCH", BodyPublishers.noBody()));
  }

  public HttpResponse<String> query(String authorization, String path, String sql)
      throws Exception {
    return api.send(
        authorized(path + "/query", authorization)
            .header("Content-Type", "text/plain")
            .POST(BodyPublishers.ofString(sql, StandardCharsets.UTF_8)));
  }

  /** Runs SQL and checks the 200. */
  public HttpResponse<String> queryOrFail(String authorization, String path, String sql)
      throws Exception {
    HttpResponse<String> response = query(authorization, path, sql);
    assertEquals(200, response.statusCode(), sql + " -> " + response.body());
    return response;
  }

  public HttpResponse<String> share(String authorization, String path, String grantee, String level)
      throws Exception {
    HttpRequest.Builder request = authorized(path + "/share", authorization);
    if (grantee != null) {
      request.header("entity-for-permission", grantee);
    }
    if (level != null) {
      request.header("sharing-level", level);
    }
    return api.send(request.POST(BodyPublishers.noBody()));
  }

  /** Shares and checks the 204. */
  public void shareOrFail(String authorization, String path, String grantee, String level)
      throws Exception {
    HttpResponse<String> shared = share(authorization, path, grantee, level);
    assertEquals(204, shared.statusCode(), shared.body());
  }

  public HttpResponse<String> permissions(String authorization, String path) throws Exception {
    return api.send(authorized(path + "/permissions", authorization).GET());
  }

  public HttpResponse<String> entityPage(String authorization, String entity) throws Exception {
    return api.send(authorized("/v1/entity/" + entity, authorization).GET());
  }

  public HttpResponse<String> listSnapshots(String authorization, String path) throws Exception {
    return api.send(authorized(path + "/list_snapshots", authorization).GET());
  }

  /** ayb's restore: the raw body is the snapshot id. */
  public HttpResponse<String> restoreSnapshot(String authorization, String path, String id)
      throws Exception {
    return api.send(
        authorized(path + "/restore_snapshot", authorization)
            .header("Content-Type", "text/plain")
            .POST(BodyPublishers.ofString(id, StandardCharsets.UTF_8)));
  }

  /** A request to {@code path} (e.g. {@code /v1/e/d/details}) with that header, if any. */
  public HttpRequest.Builder authorized(String path, String authorization) {
    HttpRequest.Builder request = api.request(path);
    return authorization == null ? request : request.header("Authorization", authorization);
  }
}
