package org.aybdb.interfaces.database.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which paths the servlet query endpoint serves itself, and which it leaves to JAX-RS. */
class QueryEndpointTest {

  @Test
  void servesTheQueryPathOfEveryDatabase() {
    assertArrayEquals(
        new String[] {"bob", "db.sqlite", QueryEndpoint.ROUTE},
        QueryEndpoint.names("/v1/Bob/db.sqlite/query", ""));
    assertArrayEquals(
        new String[] {"entity", "db", QueryEndpoint.ENTITY_ROUTE},
        QueryEndpoint.names("/v1/entity/db/query", ""));
    // JAX-RS matches literals case-sensitively: this one is the general template.
    assertArrayEquals(
        new String[] {"entity", "db", QueryEndpoint.ROUTE},
        QueryEndpoint.names("/v1/Entity/db/query", ""));
    assertArrayEquals(
        new String[] {"e", "d", QueryEndpoint.ROUTE},
        QueryEndpoint.names("/ayb/v1/e/d/query", "/ayb"));
  }

  @Test
  void takesOnlyPathsUnderItsOwnContextPath() {
    // On Payara the route sees every request of the HTTP listener, other applications' too.
    assertNull(QueryEndpoint.names("/xyz/v1/e/d/query", "/ayb"));
    assertNull(QueryEndpoint.names("/v1/e/d/query", "/ayb"));
    assertNull(QueryEndpoint.names("/ayb2/v1/e/d/query", "/ayb"));
  }

  @Test
  void leavesEveryOtherPathToJaxRs() {
    for (String path :
        List.of(
            "/v1/e/d/query/",
            "/v1/e/d/queryx",
            "/v1/e/d/details",
            "/v1/e/query",
            "/v1//d/query",
            "/v1/e//query",
            "/v1/e/d/x/query",
            "/v1/e%41/d/query",
            "/v1/e/d%2Fx/query",
            "/v1/e;x=1/d/query",
            "/v1/../d/query",
            "/V1/e/d/query",
            "/v2/e/d/query",
            "/v1/tokens/d/query",
            "/v1/oauth/token/query")) {
      assertNull(QueryEndpoint.names(path, ""), path);
    }
  }

  /**
   * Every root resource under {@code /v1/<literal>} other than the entity page owns the paths below
   * it in JAX-RS, so the filter must leave them alone: a new one has to be added to its list.
   */
  @Test
  void knowsEveryResourceThatOwnsAFirstSegment() throws Exception {
    java.nio.file.Path classes =
        Paths.get(QueryEndpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
        String name = classes.relativize(file).toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Path path = load(name).getAnnotation(Path.class);
        String[] segments =
            path == null ? new String[0] : path.value().replaceFirst("^/", "").split("/");
        if (segments.length >= 2 && segments[0].equals("v1") && !segments[1].startsWith("{")) {
          assertTrue(
              segments[1].equals(EntityNamedEntityResource.ENTITY)
                  || QueryEndpoint.OTHER_RESOURCES.contains(segments[1]),
              name + " owns /v1/" + segments[1]);
        }
      }
    }
  }

  private static Class<?> load(String file) throws IOException {
    String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
    try {
      return Class.forName(name, false, QueryEndpointTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IOException("cannot load " + name, e);
    }
  }
}
