package org.aybdb.interfaces.openapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.File;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.ServerUrl;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code /openapi} on the running server: a valid OpenAPI 3.1 document (the official JSON Schema),
 * in YAML and JSON alike; describing exactly the routes the application serves (a route added
 * without being documented fails here); and telling the truth about error answers.
 */
class OpenApiIT {

  /**
   * Documented routes served outside the application's JAX-RS resources and servlets: Payara
   * Micro's metrics and the OAuth consent page (a Faces view behind UiRoutes).
   */
  private static final Set<Route> SERVED_ELSEWHERE =
      Set.of(Route.of("GET", "/metrics"), Route.of("GET", "/oauth/authorize"));

  @ServerUrl URL base;

  @Test
  void theDocumentIsValidOpenApi31InYamlAndJson() throws Exception {
    ApiClient api = new ApiClient(base);
    HttpResponse<String> yaml = api.send(api.request("/openapi"));
    assertEquals(200, yaml.statusCode(), yaml.body());
    assertEquals("application/yaml", contentType(yaml));
    HttpResponse<String> json = api.send(api.request("/openapi?format=json"));
    assertEquals(200, json.statusCode(), json.body());
    assertEquals("application/json", contentType(json));
    HttpResponse<String> accepted =
        api.send(api.request("/openapi").header("Accept", "text/html, application/json;q=0.9"));
    assertEquals("application/json", contentType(accepted));
    assertEquals(json.body(), accepted.body());

    JsonNode fromYaml = YAMLMapper.builder().build().readTree(yaml.body());
    JsonNode fromJson = Contract.JSON.readTree(json.body());
    assertEquals(fromYaml, fromJson, "the JSON is the YAML document converted");
    assertTrue(
        fromJson.get("openapi").asString().startsWith("3.1."), fromJson.get("openapi").asString());

    File schemaFile = new File(System.getProperty("ayb.test.openapiSchema"));
    JsonNode officialSchema = Contract.JSON.readTree(Files.readString(schemaFile.toPath()));
    assertTrue(
        officialSchema
            .get("$id")
            .asString()
            .startsWith("https://spec.openapis.org/oas/3.1/schema/"),
        officialSchema.get("$id").asString());
    List<Error> errors =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(officialSchema)
            .validate(fromJson);
    assertTrue(errors.isEmpty(), "not valid OpenAPI 3.1: " + errors);

    // The official schema does not follow references: every one must lead somewhere.
    List<String> dangling = new ArrayList<>();
    fromJson
        .findValues("$ref")
        .forEach(
            ref -> {
              if (!ref.asString().startsWith("#/")
                  || fromJson.at(ref.asString().substring(1)).isMissingNode()) {
                dangling.add(ref.asString());
              }
            });
    assertTrue(dangling.isEmpty(), "references to nothing: " + dangling);

    HttpResponse<String> unknownFormat = api.send(api.request("/openapi?format=xml"));
    assertEquals(List.of(), contract(api).problems("GET", "/openapi", unknownFormat));
    assertEquals(400, unknownFormat.statusCode());
    HttpResponse<String> notAcceptable =
        api.send(api.request("/openapi").header("Accept", "text/html"));
    assertEquals(406, notAcceptable.statusCode(), notAcceptable.body());
    assertEquals(List.of(), contract(api).problems("GET", "/openapi", notAcceptable));
  }

  @Test
  void theDocumentDescribesExactlyTheServedRoutes() throws Exception {
    ApiClient api = new ApiClient(base);
    Contract contract = contract(api);
    List<Route> documented = contract.routes();
    List<Route> served = ServedRoutes.of(new File(System.getProperty("ayb.war")));
    assertTrue(served.size() > 20, "too few routes found in the WAR: " + served);

    List<String> problems = new ArrayList<>();
    for (Route route : served) {
      if (documented.stream().noneMatch(d -> d.describes(route))) {
        problems.add("served but not documented: " + route);
      }
    }
    for (Route route : documented) {
      if (!SERVED_ELSEWHERE.contains(route) && !served.contains(route)) {
        problems.add("documented but not served by a resource or servlet: " + route);
      }
      // Every documented route reaches something on the live server: not the framework's
      // unknown-path 404 or wrong-method 405.
      HttpResponse<String> answer = probe(api, route);
      if (answer == null) {
        problems.add("no answer twice from " + route);
        continue;
      }
      // And what it answers (an anonymous request without a body) is what the document says.
      contract.problems(route, answer).forEach(p -> problems.add(route + ": " + p));
      if (answer.statusCode() == 405
          || (answer.statusCode() == 404 && answer.body().contains("No such endpoint"))) {
        problems.add(
            "documented but not routed live: "
                + route
                + " -> "
                + answer.statusCode()
                + " "
                + answer.body());
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void documentedErrorAnswersAreTheLiveOnes() throws Exception {
    ApiClient api = new ApiClient(base);
    Contract contract = contract(api);
    String nobody = "nobody" + UUID.randomUUID().toString().substring(0, 8);
    List<String> problems = new ArrayList<>();

    // 404 with ayb's RecordNotFound body.
    HttpResponse<String> missing = api.send(api.request("/v1/entity/" + nobody));
    assertEquals(404, missing.statusCode(), missing.body());
    assertTrue(missing.body().contains("\"record_type\""), missing.body());
    problems.addAll(contract.problems("GET", "/v1/entity/{entity}", missing));

    // 401 without credentials (WWW-Authenticate required), and with an unknown token.
    HttpResponse<String> anonymous = api.send(api.request("/v1/tokens"));
    assertEquals(401, anonymous.statusCode(), anonymous.body());
    problems.addAll(contract.problems("GET", "/v1/tokens", anonymous));
    HttpResponse<String> unknownToken =
        api.send(
            api.request("/v1/tokens").header("Authorization", "Bearer ayb_nosuchtoken_secret"));
    assertEquals(401, unknownToken.statusCode(), unknownToken.body());
    problems.addAll(contract.problems("GET", "/v1/tokens", unknownToken));

    // 413 for SQL over [sandbox] max_sql_bytes (1 MiB in the tests), before anything else.
    HttpResponse<String> tooLarge =
        api.send(
            api.request("/v1/" + nobody + "/x.sqlite/query")
                .POST(HttpRequest.BodyPublishers.ofString("-".repeat((1 << 20) + 1))));
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    problems.addAll(contract.problems("POST", "/v1/{entity}/{database}/query", tooLarge));

    // 400 for a missing header; OAuth's own error body on the token endpoint.
    HttpResponse<String> noHeaders =
        api.send(api.request("/v1/register").POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(400, noHeaders.statusCode(), noHeaders.body());
    problems.addAll(contract.problems("POST", "/v1/register", noHeaders));
    HttpResponse<String> oauth =
        api.send(
            api.request("/v1/oauth/token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(400, oauth.statusCode(), oauth.body());
    problems.addAll(contract.problems("POST", "/v1/oauth/token", oauth));

    // A body the document's error schema refuses is noticed (the check itself can fail).
    JsonNode errorBody =
        contract.resolve(Contract.JSON.readTree("{\"$ref\":\"#/components/schemas/ErrorBody\"}"));
    assertTrue(
        !contract
            .validate(errorBody, Contract.JSON.readTree("{\"message\":\"no type\"}"))
            .isEmpty());
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /**
   * An anonymous request without a body for {@code route}, sent once more on a new connection if
   * the first found its pooled connection closed by the server (it has been idle while another test
   * class deployed); null if neither was answered.
   */
  private static HttpResponse<String> probe(ApiClient api, Route route) throws Exception {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        return api.send(
            api.request(route.samplePath())
                .method(route.method(), HttpRequest.BodyPublishers.noBody()));
      } catch (java.io.IOException closed) {
        // Tried again below.
      }
    }
    return null;
  }

  private Contract contract(ApiClient api) throws Exception {
    HttpResponse<String> json = api.send(api.request("/openapi?format=json"));
    assertEquals(200, json.statusCode(), json.body());
    return new Contract(Contract.JSON.readTree(json.body()));
  }

  private static String contentType(HttpResponse<String> answer) {
    return answer.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
  }
}
