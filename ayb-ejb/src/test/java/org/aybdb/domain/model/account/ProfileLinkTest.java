package org.aybdb.domain.model.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileLinkTest {

  @Test
  void storesAybsJsonAndReadsItBack() {
    List<ProfileLink> links =
        List.of(
            new ProfileLink("https://example.org/ü?a=1&b=\"2\"", true),
            new ProfileLink("mailto:ada@example.org", false));
    String json = ProfileLink.toJson(links);
    assertEquals(
        "[{\"url\":\"https://example.org/ü?a=1&b=\\\"2\\\"\",\"verified\":true},"
            + "{\"url\":\"mailto:ada@example.org\",\"verified\":false}]",
        json);
    assertEquals(links, ProfileLink.fromJson(json));
  }

  @Test
  void noStoredLinksAreAnEmptyList() {
    assertEquals(List.of(), ProfileLink.fromJson(null));
    assertEquals(List.of(), ProfileLink.fromJson(""));
    assertEquals(List.of(), ProfileLink.fromJson("[]"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org",
        "http://localhost:8080/x?y#z",
        "mailto:ada@example.org",
        "https://xn--bcher-kva.example/"
      })
  void absoluteUrls(String url) {
    assertEquals(Optional.empty(), ProfileLink.urlProblem(url));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "example.org| relative URL without a base",
        "/just/a/path| relative URL without a base",
        "https://| empty host",
        "https:///path| empty host",
        "https://exa mple.org| illegal character in authority",
      })
  void notAbsoluteUrls(String url, String problem) {
    assertEquals(Optional.of(problem), ProfileLink.urlProblem(url));
  }
}
