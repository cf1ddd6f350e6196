package org.aybdb.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.aybdb.domain.model.account.AuthenticationMethodStatus;
import org.aybdb.domain.model.account.AuthenticationMethodType;
import org.aybdb.domain.model.account.EntityType;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.aybdb.domain.model.permission.EntitySharingLevel;
import org.aybdb.domain.model.permission.QueryPermissionLevel;
import org.junit.jupiter.api.Test;

/** ayb's stored codes and words, pinned: a reordered or renamed constant fails here. */
class CodedEnumTest {

  @Test
  void codesAndWordsAreAybs() {
    assertEquals("0 user, 1 organization", table(EntityType.class));
    assertEquals("0 email", table(AuthenticationMethodType.class));
    assertEquals("0 verified, 1 revoked", table(AuthenticationMethodStatus.class));
    assertEquals("0 sqlite, 1 duckdb", table(DatabaseType.class));
    assertEquals("0 no-access, 1 fork, 2 read-only", table(PublicSharingLevel.class));
    assertEquals(
        "0 no-access, 1 read-only, 2 read-write, 3 manager", table(EntitySharingLevel.class));
    assertEquals("0 read-only, 1 read-write", table(QueryPermissionLevel.class));
  }

  @Test
  void wordsAndCodesFindTheirConstants() {
    assertEquals(EntitySharingLevel.READ_WRITE, EntitySharingLevel.fromWord("read-write"));
    assertEquals(PublicSharingLevel.FORK, CodedEnum.fromCode(PublicSharingLevel.class, 1));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> DatabaseType.fromWord("SQLite"));
    assertEquals("Unknown value: SQLite", unknown.getMessage());
    assertThrows(IllegalStateException.class, () -> CodedEnum.fromCode(EntityType.class, 2));
  }

  @Test
  void theConverterStoresTheCode() {
    EntitySharingLevel.Converter converter = new EntitySharingLevel.Converter();
    assertEquals(3, converter.convertToDatabaseColumn(EntitySharingLevel.MANAGER));
    assertEquals(EntitySharingLevel.READ_ONLY, converter.convertToEntityAttribute(1));
    assertEquals(null, converter.convertToEntityAttribute(null));
  }

  private static <E extends Enum<E> & CodedEnum> String table(Class<E> type) {
    List<E> constants = Arrays.asList(type.getEnumConstants());
    return constants.stream()
        .map(constant -> constant.code() + " " + constant.word())
        .collect(Collectors.joining(", "));
  }
}
