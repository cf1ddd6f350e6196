package org.aybdb.infrastructure.grizzly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManagementEndpointFilterTest {

  @Test
  void payarasEndpointsAreRecognisedHoweverTheirPathIsSpelled() {
    for (String path :
        List.of(
            "/metrics",
            "//metrics",
            "///metrics/base",
            "/%6Detrics",
            "/%6d%65trics/application",
            "/metrics//vendor",
            "//openapi/",
            "/%6Fpenapi/x")) {
      assertTrue(
          ManagementEndpointFilter.PAYARA_ENDPOINTS
              .matcher(ManagementEndpointFilter.mappedPath(path))
              .matches(),
          path);
    }
    for (String path : List.of("/openapi", "//openapi", "/v1/metrics", "/metricsx", "/health")) {
      assertFalse(
          ManagementEndpointFilter.PAYARA_ENDPOINTS
              .matcher(ManagementEndpointFilter.mappedPath(path))
              .matches(),
          path);
    }
  }

  @Test
  void aPlainPathIsTakenAsItIs() {
    String path = "/v1/e/d/query";
    assertEquals(path, ManagementEndpointFilter.mappedPath(path));
    assertEquals("/a b", ManagementEndpointFilter.mappedPath("//a%20b"));
  }
}
