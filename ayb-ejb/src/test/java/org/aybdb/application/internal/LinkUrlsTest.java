package org.aybdb.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.aybdb.application.AybException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The links value of a profile update, read before anything is fetched or stored. */
class LinkUrlsTest {

  @Test
  void urlsInOrder() {
    assertEquals(
        List.of("https://a.example/", "http://b.example/"),
        DefaultProfileService.linkUrls(
            "[{\"url\":\"https://a.example/\"},{\"url\":\"http://b.example/\"}]", 32));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"url\":\"https://a.example/\"}",
        "[1]",
        "[1e9999999999]",
        "[{\"url\":\"https://a.example/\",\"n\":-1e-9999999999}]",
        "[[[[1]]]]",
        "[] []"
      })
  void malformedLinksAreABadRequest(String links) {
    AybException e =
        assertThrows(AybException.class, () -> DefaultProfileService.linkUrls(links, 3));
    assertEquals(AybException.Kind.INVALID_INPUT, e.kind());
    assertEquals(DefaultProfileService.BAD_LINKS, e.errorMessage());
  }

  @Test
  void overlongNumbersAreABadRequest() {
    String links = "[" + "1".repeat(1_200) + "]";
    AybException e =
        assertThrows(AybException.class, () -> DefaultProfileService.linkUrls(links, 3));
    assertEquals(DefaultProfileService.BAD_LINKS, e.errorMessage());
  }
}
