package org.aybdb.cli.client.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The answers of ayb's endpoints that the client reads, with the field names of ayb's wire format.
 * Each {@code from} throws {@link jakarta.json.JsonException} for an answer of the wrong shape.
 */
public final class Responses {

  private Responses() {}

  /** {@code POST /v1/confirm}. */
  public record ApiToken(String entity, String token) {
    static ApiToken from(JsonObject json) {
      return new ApiToken(Json.requiredString(json, "entity"), Json.requiredString(json, "token"));
    }
  }

  /** {@code POST /v1/{entity}/{database}/query}: column names and rows of cells (null: NULL). */
  public record QueryResult(List<String> fields, List<List<String>> rows) {
    static QueryResult from(JsonObject json) {
      List<String> fields = new ArrayList<>();
      for (JsonValue field : Json.requiredArray(json, "fields")) {
        fields.add(Json.cell(field));
      }
      List<List<String>> rows = new ArrayList<>();
      for (JsonValue row : Json.requiredArray(json, "rows")) {
        if (row.getValueType() != JsonValue.ValueType.ARRAY) {
          throw new jakarta.json.JsonException(
              "invalid type: " + Json.describe(row) + ", expected a sequence for a row");
        }
        List<String> cells = new ArrayList<>();
        for (JsonValue cell : row.asJsonArray()) {
          cells.add(Json.cell(cell));
        }
        rows.add(cells);
      }
      return new QueryResult(fields, rows);
    }
  }

  /** One link of a profile. */
  public record Link(String url, boolean verified) {}

  /** The profile part of {@code GET /v1/entity/{entity}}. */
  public record Profile(
      String displayName,
      String description,
      String organization,
      String location,
      List<Link> links) {
    static Profile from(JsonObject json) {
      List<Link> links = new ArrayList<>();
      JsonValue value = json.get("links");
      if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
        for (JsonValue link : value.asJsonArray()) {
          JsonObject object = link.asJsonObject();
          links.add(
              new Link(
                  Json.requiredString(object, "url"), Json.optionalBoolean(object, "verified")));
        }
      }
      return new Profile(
          Json.optionalString(json, "display_name"),
          Json.optionalString(json, "description"),
          Json.optionalString(json, "organization"),
          Json.optionalString(json, "location"),
          links);
    }
  }

  /** One database of an entity. */
  public record DatabaseSummary(String slug, String databaseType) {}

  /** {@code GET /v1/entity/{entity}}. */
  public record EntityDetails(String slug, Profile profile, List<DatabaseSummary> databases) {
    static EntityDetails from(JsonObject json) {
      List<DatabaseSummary> databases =
          list(
              json,
              "databases",
              database ->
                  new DatabaseSummary(
                      Json.requiredString(database, "slug"),
                      Json.requiredString(database, "database_type")));
      return new EntityDetails(
          Json.requiredString(json, "slug"),
          Profile.from(Json.requiredObject(json, "profile")),
          databases);
    }
  }

  /** {@code GET /v1/{entity}/{database}/details}. */
  public record DatabaseDetails(
      String entitySlug,
      String databaseSlug,
      String databaseType,
      String highestQueryAccessLevel,
      boolean canManageDatabase,
      String publicSharingLevel,
      String forkedFrom) {
    static DatabaseDetails from(JsonObject json) {
      return new DatabaseDetails(
          Json.requiredString(json, "entity_slug"),
          Json.requiredString(json, "database_slug"),
          Json.requiredString(json, "database_type"),
          Json.optionalString(json, "highest_query_access_level"),
          Json.optionalBoolean(json, "can_manage_database"),
          Json.optionalString(json, "public_sharing_level"),
          Json.optionalString(json, "forked_from"));
    }
  }

  /** One entry of {@code GET /v1/tokens} (ayb's {@code APITokenInfo}). */
  public record TokenInfo(
      String shortToken,
      String scopedDatabase,
      String permissionLevel,
      String appName,
      String createdAt,
      String expiresAt) {}

  static List<TokenInfo> tokens(JsonObject json) {
    return list(
        json,
        "tokens",
        token ->
            new TokenInfo(
                Json.requiredString(token, "short_token"),
                Json.optionalString(token, "scoped_database"),
                Json.optionalString(token, "permission_level"),
                Json.optionalString(token, "app_name"),
                Json.optionalString(token, "created_at"),
                Json.optionalString(token, "expires_at")));
  }

  /** One entry of {@code GET /v1/{entity}/{database}/list_snapshots}. */
  public record Snapshot(String snapshotId, String lastModifiedAt) {}

  static List<Snapshot> snapshots(JsonObject json) {
    return list(
        json,
        "snapshots",
        snapshot ->
            new Snapshot(
                Json.requiredString(snapshot, "snapshot_id"),
                Json.requiredString(snapshot, "last_modified_at")));
  }

  /** One entry of {@code GET /v1/{entity}/{database}/permissions}. */
  public record Permission(String entitySlug, String sharingLevel) {}

  static List<Permission> permissions(JsonObject json) {
    return list(
        json,
        "permissions",
        permission ->
            new Permission(
                Json.requiredString(permission, "entity_slug"),
                Json.requiredString(permission, "sharing_level")));
  }

  /** The objects of the array {@code name}, each read by {@code reader}. */
  private static <T> List<T> list(JsonObject json, String name, Function<JsonObject, T> reader) {
    List<T> items = new ArrayList<>();
    for (JsonValue value : Json.requiredArray(json, name)) {
      items.add(reader.apply(value.asJsonObject()));
    }
    return items;
  }
}
