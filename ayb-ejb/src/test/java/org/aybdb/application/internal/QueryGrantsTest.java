package org.aybdb.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.aybdb.application.Caller;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.permission.QueryPermissionLevel;
import org.junit.jupiter.api.Test;

class QueryGrantsTest {

  /** The metadata store's change counter, moved by hand as a write would move it. */
  private final AtomicLong changes = new AtomicLong();

  private final QueryGrants grants = new QueryGrants();

  {
    grants.metadata = changes::get;
  }

  private final Caller alice = new Caller(1, "alice", "short", Optional.empty(), Optional.empty());
  private final QueryGrants.Key key = QueryGrants.Key.of(Optional.of(alice), "bob", "d.sqlite");
  private final QueryGrants.Grant grant =
      new QueryGrants.Grant(
          new DatabaseRef("bob", "d.sqlite", DatabaseType.SQLITE),
          AccessMode.READ_ONLY,
          System.nanoTime());

  /** Asks like the query path: a lookup first, then a decision remembered under a stamp. */
  private void decide() {
    assertTrue(grants.find(key).isEmpty());
    grants.remember(grants.stamp(), key, grant);
  }

  @Test
  void aGrantIsFoundForTheSameCallerAndDatabaseOnly() {
    decide();

    assertEquals(grant, grants.find(key).orElseThrow());
    assertTrue(grants.find(QueryGrants.Key.of(Optional.empty(), "bob", "d.sqlite")).isEmpty());
    assertTrue(grants.find(QueryGrants.Key.of(Optional.of(alice), "bob", "D.sqlite")).isEmpty());
    Caller capped =
        new Caller(1, "alice", "app", Optional.of(7L), Optional.of(QueryPermissionLevel.READ_ONLY));
    assertTrue(grants.find(QueryGrants.Key.of(Optional.of(capped), "bob", "d.sqlite")).isEmpty());
  }

  @Test
  void anyMetadataChangeForgetsEveryGrant() {
    decide();

    changes.incrementAndGet();

    assertTrue(grants.find(key).isEmpty());
  }

  @Test
  void aDecisionThatRacedWithAChangeIsNotRemembered() {
    assertTrue(grants.find(key).isEmpty());
    long stamp = grants.stamp(); // the policy starts reading the store
    changes.incrementAndGet(); // meanwhile a share is removed

    grants.remember(stamp, key, grant); // what the policy read may be stale

    assertTrue(grants.find(key).isEmpty());
    decide();
    assertTrue(grants.find(key).isPresent(), "a fresh decision is remembered again");
  }
}
