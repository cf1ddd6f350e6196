package org.aybdb.interfaces.openapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

  private static String choose(String... headers) {
    return AcceptHeader.choose(
        Collections.enumeration(List.of(headers)), "application/yaml", "application/json");
  }

  @Test
  void theHeaderChoosesByWeightAndWildcardsGetTheFirstOffered() {
    assertEquals("application/yaml", choose());
    assertEquals("application/yaml", choose("*/*"));
    assertEquals("application/json", choose("application/json"));
    assertEquals("application/json", choose("text/html, application/json;q=0.9, */*;q=0.8"));
    assertEquals("application/yaml", choose("application/json;q=0.5", "application/yaml"));
    assertEquals("application/json", choose("Application/JSON"));
    assertEquals("application/yaml", choose("application/*"));
    assertNull(choose("text/html"));
    assertNull(choose("application/json;q=0"));
  }

  @Test
  void aTypeRefusedByNameStaysRefusedBesideAWildcard() {
    assertEquals("application/json", choose("*/*, application/yaml;q=0"));
    assertEquals("application/yaml", choose("application/*;q=0.5, application/json;q=0.1"));
    assertNull(choose("*/*, application/yaml;q=0, application/json;q=0"));
    assertEquals("application/json", choose("application/json, application/yaml"));
  }
}
