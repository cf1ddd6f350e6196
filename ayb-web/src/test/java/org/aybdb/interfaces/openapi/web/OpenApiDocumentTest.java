package org.aybdb.interfaces.openapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** The checked-in document loads as YAML 1.2 and converts to the same JSON every time. */
class OpenApiDocumentTest {

  @Test
  void theYamlDocumentConvertsToJson() {
    OpenApiDocument document = new OpenApiDocument();
    JsonObject json = Json.createReader(new ByteArrayInputStream(document.json())).readObject();
    assertTrue(json.getString("openapi").startsWith("3.1."), json.getString("openapi"));
    // Status codes are YAML keys; they stay strings in JSON, and quoted nulls stay strings.
    JsonObject created =
        json.getJsonObject("paths")
            .getJsonObject("/v1/{entity}/{database}/create")
            .getJsonObject("post")
            .getJsonObject("responses");
    assertTrue(created.containsKey("201"), created.toString());
    assertEquals(
        "null",
        json.getJsonObject("components")
            .getJsonObject("schemas")
            .getJsonObject("TokenInfo")
            .getJsonObject("properties")
            .getJsonObject("app_name")
            .getJsonArray("type")
            .getString(1));
    assertEquals(new String(document.json()), new String(new OpenApiDocument().json()));
  }
}
