package org.aybdb.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.aybdb.domain.model.Slugs.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"ada", "a", "Data.sqlite", "e2e-first", "x_y.z", "0", "A-Z_a-z.0-9", "..."})
  void validSlugs(String slug) {
    assertEquals(Optional.empty(), Slugs.problem(Kind.ENTITY, slug));
    assertEquals(Optional.empty(), Slugs.problem(Kind.DATABASE, slug));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"| A entity slug can't be empty",
        ".| Invalid entity slug: .",
        "..| Invalid entity slug: ..",
        "a b| Invalid entity slug: a b. Only letters, numbers, underscores, hyphens, and periods are allowed",
        "a/b| Invalid entity slug: a/b. Only letters, numbers, underscores, hyphens, and periods are allowed",
        "ümlaut| Invalid entity slug: ümlaut. Only letters, numbers, underscores, hyphens, and periods are allowed",
        "a%2Fb| Invalid entity slug: a%2Fb. Only letters, numbers, underscores, hyphens, and periods are allowed",
      })
  void invalidEntitySlugsWithAybsMessages(String slug, String message) {
    assertEquals(Optional.of(message), Slugs.problem(Kind.ENTITY, slug));
  }

  @Test
  void theKindIsNamedInTheMessage() {
    assertEquals(Optional.of("A database slug can't be empty"), Slugs.problem(Kind.DATABASE, ""));
    assertEquals(Optional.of("Invalid database slug: .."), Slugs.problem(Kind.DATABASE, ".."));
  }

  @Test
  void atMost128Bytes() {
    assertEquals(Optional.empty(), Slugs.problem(Kind.ENTITY, "a".repeat(128)));
    assertEquals(
        Optional.of("A entity slug can't be longer than 128 bytes, but this one is 129 bytes"),
        Slugs.problem(Kind.ENTITY, "a".repeat(129)));
  }

  @Test
  void lengthIsCountedInUtf8BytesBeforeTheCharacterRule() {
    // 64 two-byte characters: 128 bytes, so the character rule answers.
    assertEquals(
        Optional.of(
            "Invalid database slug: "
                + "é".repeat(64)
                + ". Only letters, numbers, underscores, hyphens, and periods are allowed"),
        Slugs.problem(Kind.DATABASE, "é".repeat(64)));
    assertEquals(
        Optional.of("A database slug can't be longer than 128 bytes, but this one is 130 bytes"),
        Slugs.problem(Kind.DATABASE, "é".repeat(65)));
  }

  @org.junit.jupiter.api.Test
  void lowerCasingFoldsOnlyAsciiLetters() {
    org.junit.jupiter.api.Assertions.assertEquals("ada-2.x_y", Slugs.lowerCase("AdA-2.X_y"));
    // The Kelvin sign would become "k" with String.toLowerCase; here it stays and matches no slug.
    org.junit.jupiter.api.Assertions.assertEquals("\u212Aim", Slugs.lowerCase("\u212Aim"));
    org.junit.jupiter.api.Assertions.assertTrue(
        Slugs.problem(Slugs.Kind.ENTITY, Slugs.lowerCase("\u212Aim")).isPresent());
  }
}
