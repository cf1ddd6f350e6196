package org.aybdb.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.aybdb.domain.model.database.DatabaseType;
import org.junit.jupiter.api.Test;

/** A sent value's three states, and the 400 raised only when an invalid one is read. */
class RequestedTest {

  @Test
  void parsingKeepsTheParsersMessageForLater() {
    Requested<DatabaseType> unknown = Requested.parse("mysql", DatabaseType::fromWord);
    AybException refused = assertThrows(AybException.class, unknown::optional);
    assertEquals("Unknown value: mysql", refused.getMessage());
    assertEquals(ErrorType.Other, refused.type());
    assertEquals(AybException.Kind.INVALID_INPUT, refused.kind());
    assertEquals(
        "Unknown value: mysql", assertThrows(AybException.class, unknown::required).getMessage());
  }

  @Test
  void aSentValueIsReadEitherWay() {
    Requested<DatabaseType> sqlite = Requested.parse("sqlite", DatabaseType::fromWord);
    assertEquals(DatabaseType.SQLITE, sqlite.required());
    assertEquals(Optional.of(DatabaseType.SQLITE), sqlite.optional());
  }

  @Test
  void absentIsEmptyWhenOptionalAndRefusedWhenRequired() {
    Requested<DatabaseType> absent = Requested.parse(null, DatabaseType::fromWord);
    assertEquals(Optional.empty(), absent.optional());
    AybException missing = assertThrows(AybException.class, absent::required);
    assertEquals(AybException.Kind.INVALID_INPUT, missing.kind());
  }

  @Test
  void aParserWithoutMessageStillGivesOne() {
    Requested<Integer> bad =
        Requested.parse(
            "x",
            text -> {
              throw new IllegalArgumentException();
            });
    assertEquals("Invalid value", assertThrows(AybException.class, bad::optional).getMessage());
  }
}
