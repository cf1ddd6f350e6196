package org.aybdb.interfaces.openapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How OpenApiIT decides whether the checked-in document describes a served route. */
class RouteTest {

  private final List<Route> documented =
      new Contract(Contract.JSON.readTree(new OpenApiDocument().json())).routes();

  private boolean described(Route served) {
    return documented.stream().anyMatch(d -> d.describes(served));
  }

  @Test
  void aServedRouteIsDescribedByShapeAndAnUndocumentedOneIsNot() {
    assertEquals(
        Route.of("post", "/v1/{a}/{b}/query"), Route.of("POST", "v1/{entity}/{database}/query/"));
    assertTrue(described(Route.of("POST", "v1/{entity}/{database}/query")));
    // The routes of an entity named `entity` are covered by the templated paths.
    assertTrue(described(Route.of("GET", "v1/entity/{entity}/details")));
    assertTrue(described(Route.of("GET", "v1/entity/{entity}")));
    assertFalse(described(Route.of("POST", "v1/{entity}/{database}/vacuum")));
    assertFalse(described(Route.of("PUT", "v1/{entity}/{database}/query")));
    assertFalse(described(Route.of("GET", "v1/{entity}/{database}/query")));
    // A documented literal does not describe a parameter.
    assertFalse(Route.of("GET", "/v1/tokens").describes(Route.of("GET", "/v1/{x}")));
  }
}
