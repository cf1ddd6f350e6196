package org.aybdb.interfaces.oauth.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.aybdb.application.AybException;
import org.aybdb.application.ClientJson;
import org.aybdb.application.OAuthException;
import org.aybdb.application.OAuthService;
import org.aybdb.application.ScopedAccessToken;
import org.aybdb.config.AybConfiguration;
import org.aybdb.infrastructure.json.Jsons;
import org.aybdb.interfaces.rest.TextBodies;
import org.aybdb.interfaces.rest.error.FailureStatus;

/**
 * {@code POST /v1/oauth/token}: a browser app exchanges its authorization code and PKCE verifier
 * for a token scoped to one database. The body is ayb's JSON {@code {grant_type, code,
 * redirect_uri, code_verifier}} or, as RFC 6749 prescribes, the same fields form-encoded. Every
 * refusal is OAuth's {@code {"error","error_description"}}, 400 for client mistakes.
 */
@Path("v1/oauth/token")
@RequestScoped
public class OAuthTokenResource {

  /** The largest body accepted: four short fields. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  @Inject OAuthService oauth;
  @Inject AybConfiguration configuration;

  @Context UriInfo uriInfo;

  @POST
  public Response exchange(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    Map<String, String> fields = fields(contentType, body, configuration.http().jsonMaxDepth());
    ScopedAccessToken token =
        oauth.exchange(
            fields.get("grant_type"),
            fields.get("code"),
            fields.get("redirect_uri"),
            fields.get("code_verifier"));
    String database = token.entity() + "/" + token.database();
    String answer =
        Jsons.createObjectBuilder()
            .add("access_token", token.token())
            .add("token_type", "Bearer")
            .add("database", database)
            .add("query_permission_level", token.level())
            .add("database_url", publicBase() + "/v1/" + database)
            .build()
            .toString();
    return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Pragma", "no-cache")
        .build();
  }

  /**
   * {@code public_url}, or without one the address this request reached (ayb falls back to {@code
   * http://localhost:<port>}, which an app on another machine cannot reach).
   */
  private String publicBase() {
    String base =
        configuration.publicUrl().orElseGet(() -> uriInfo.getBaseUri().toString()).strip();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static Map<String, String> fields(String contentType, InputStream body, int maxDepth) {
    String text;
    try {
      text = TextBodies.readUtf8(body, MAX_BODY_BYTES, "request body");
    } catch (AybException refused) {
      throw new OAuthException(
          "invalid_request", refused.errorMessage(), FailureStatus.of(refused));
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
    return type.startsWith(MediaType.APPLICATION_FORM_URLENCODED)
        ? form(text)
        : json(text, maxDepth);
  }

  /** The fields of a JSON body: an object whose values are strings (or null, left out). */
  static Map<String, String> json(String text, int maxDepth) {
    JsonValue value;
    try {
      value = ClientJson.read(text, maxDepth);
    } catch (JsonException malformed) {
      throw new OAuthException("invalid_request", "The request body is not valid JSON");
    }
    if (!(value instanceof JsonObject object)) {
      throw new OAuthException("invalid_request", "The request body must be a JSON object");
    }
    Map<String, String> fields = new HashMap<>();
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      if (entry.getValue() instanceof JsonString string) {
        fields.put(entry.getKey(), string.getString());
      } else if (entry.getValue().getValueType() != JsonValue.ValueType.NULL) {
        throw new OAuthException(
            "invalid_request", "Field " + entry.getKey() + " must be a string");
      }
    }
    return fields;
  }

  private static Map<String, String> form(String text) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        name = URLDecoder.decode(name, StandardCharsets.UTF_8);
        value = URLDecoder.decode(value, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        throw new OAuthException("invalid_request", "The request body is not valid form data");
      }
      // RFC 6749 §3.2: a parameter sent twice is a malformed request.
      if (fields.put(name, value) != null) {
        throw new OAuthException("invalid_request", "Parameter " + name + " is repeated");
      }
    }
    return fields;
  }
}
