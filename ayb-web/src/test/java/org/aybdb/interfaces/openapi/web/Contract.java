package org.aybdb.interfaces.openapi.web;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parsed OpenAPI document: its routes, and whether a live answer is one it describes (status,
 * required headers, JSON body valid against the response's schema).
 */
final class Contract {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final JsonNode document;

  Contract(JsonNode document) {
    this.document = document;
  }

  /** Every documented path and method. */
  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (String key : path.getValue().propertyNames()) {
        if (METHODS.contains(key)) {
          routes.add(Route.of(key, path.getKey()));
        }
      }
    }
    return routes;
  }

  /** Like {@link #problems(String, String, HttpResponse)} for a documented route. */
  List<String> problems(Route route, HttpResponse<String> answer) {
    for (String path : document.get("paths").propertyNames()) {
      if (Route.of(route.method(), path).equals(route)) {
        return problems(route.method(), path, answer);
      }
    }
    return List.of(route + " is not documented");
  }

  /**
   * Problems with {@code answer} as the answer of {@code method path} (a documented path template):
   * an undocumented status, a missing required header, a body outside the schema.
   */
  List<String> problems(String method, String path, HttpResponse<String> answer) {
    JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      return List.of(method + " " + path + " is not documented");
    }
    String status = Integer.toString(answer.statusCode());
    JsonNode response = resolve(operation.path("responses").path(status));
    if (response.isMissingNode()) {
      return List.of(method + " " + path + " does not document status " + status);
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
      if (resolve(header.getValue()).path("required").asBoolean(false)
          && answer.headers().firstValue(header.getKey()).isEmpty()) {
        problems.add(status + " without its required header " + header.getKey());
      }
    }
    JsonNode schema = response.path("content").path("application/json").path("schema");
    boolean json =
        answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
    if (!schema.isMissingNode() && json) {
      for (Error error : validate(schema, JSON.readTree(answer.body()))) {
        problems.add(status + " body " + answer.body() + ": " + error);
      }
    }
    return problems;
  }

  /**
   * Validates {@code value} against one of the document's schemas (JSON Schema 2020-12, the dialect
   * of OpenAPI 3.1), its {@code #/components/...} references resolved in the document.
   */
  List<Error> validate(JsonNode schema, JsonNode value) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.putArray("allOf").add(schema);
    root.set("components", document.get("components"));
    return SCHEMAS.getSchema(root).validate(value);
  }

  /** A {@code $ref} to the document's components followed, or the node itself. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      current = document.at(current.get("$ref").asString().substring(1));
    }
    return current;
  }
}
