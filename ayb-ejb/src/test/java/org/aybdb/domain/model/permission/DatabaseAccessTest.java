package org.aybdb.domain.model.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseAccessTest {

  private static final Optional<QueryPermissionLevel> NONE = Optional.empty();
  private static final Optional<QueryPermissionLevel> RO =
      Optional.of(QueryPermissionLevel.READ_ONLY);
  private static final Optional<QueryPermissionLevel> RW =
      Optional.of(QueryPermissionLevel.READ_WRITE);

  /** Every public level × every grant (none = no row): query level, manage, discover. */
  @ParameterizedTest(name = "public {0}, grant {1} -> query {2}, manage {3}, discover {4}")
  @CsvSource({
    "no-access, none,       none,       false, false",
    "no-access, read-only,  read-only,  false, true",
    "no-access, read-write, read-write, false, true",
    "no-access, manager,    read-write, true,  true",
    "fork,      none,       none,       false, true",
    "fork,      read-only,  read-only,  false, true",
    "fork,      read-write, read-write, false, true",
    "fork,      manager,    read-write, true,  true",
    "read-only, none,       read-only,  false, true",
    "read-only, read-only,  read-only,  false, true",
    "read-only, read-write, read-write, false, true",
    "read-only, manager,    read-write, true,  true",
  })
  void highestOfPublicLevelAndGrantWins(
      String publicLevel, String grant, String query, boolean manage, boolean discover) {
    DatabaseAccess access =
        DatabaseAccess.of(
            PublicSharingLevel.fromWord(publicLevel),
            grant.equals("none")
                ? Optional.empty()
                : Optional.of(EntitySharingLevel.fromWord(grant)));
    assertEquals(
        query.equals("none") ? NONE : Optional.of(QueryPermissionLevel.fromWord(query)),
        access.queryLevel());
    assertEquals(manage, access.canManage());
    assertEquals(discover, access.canDiscover());
  }

  @Test
  void aNoAccessGrantIsNoGrant() {
    assertEquals(
        DatabaseAccess.NONE,
        DatabaseAccess.of(PublicSharingLevel.NO_ACCESS, Optional.of(EntitySharingLevel.NO_ACCESS)));
  }

  @Test
  void theOwnerHasEverything() {
    DatabaseAccess owner = DatabaseAccess.owner();
    assertEquals(RW, owner.queryLevel());
    assertTrue(owner.canManage() && owner.canDiscover());
  }

  @Test
  void aTokenScopedToAnotherDatabaseQueriesNothingThere() {
    assertEquals(NONE, DatabaseAccess.owner().queryLevelThrough(7, Optional.of(8L), RW));
    assertEquals(
        RW, DatabaseAccess.owner().queryLevelThrough(7, Optional.of(7L), Optional.empty()));
    assertEquals(
        RW, DatabaseAccess.owner().queryLevelThrough(7, Optional.empty(), Optional.empty()));
  }

  @Test
  void theTokenCapLimitsButNeverRaises() {
    assertEquals(RO, DatabaseAccess.owner().queryLevelThrough(7, Optional.of(7L), RO));
    DatabaseAccess readOnly =
        DatabaseAccess.of(PublicSharingLevel.NO_ACCESS, Optional.of(EntitySharingLevel.READ_ONLY));
    assertEquals(RO, readOnly.queryLevelThrough(7, Optional.of(7L), RW));
    assertEquals(NONE, DatabaseAccess.NONE.queryLevelThrough(7, Optional.empty(), RW));
  }

  @Test
  void aScopedTokenManagesNothing() {
    assertTrue(DatabaseAccess.owner().canManageThrough(Optional.empty()));
    assertFalse(DatabaseAccess.owner().canManageThrough(Optional.of(7L)));
  }
}
