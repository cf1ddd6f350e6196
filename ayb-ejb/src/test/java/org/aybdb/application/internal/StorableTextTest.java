package org.aybdb.application.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Profile text both metadata stores keep unchanged. */
class StorableTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "Ada", "Zürich", "emoji \uD83D\uDE00 ok", "tab\tand\nnewline"})
  void storable(String text) {
    assertTrue(DefaultProfileService.isStorableText(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nul\u0000", "\u0000", "lone \uD83D high", "lone \uDE00 low", "\uD83D"})
  void notStorable(String text) {
    assertFalse(DefaultProfileService.isStorableText(text));
  }
}
