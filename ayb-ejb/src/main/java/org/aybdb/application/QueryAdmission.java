package org.aybdb.application;

import java.util.Optional;

/**
 * Fair sharing of the query daemons ({@code [limits]}): before a query runs, its requester (the
 * entity behind the token, or for anonymous callers the client address) must be under its rate and
 * concurrency limits, and anonymous queries must be under their share of the database. A refusal is
 * 429 with Retry-After; nothing has run.
 */
public interface QueryAdmission {

  /**
   * Takes a place for one query, held until the ticket is closed (when the answer has been sent).
   *
   * @param caller the token's entity, or empty for an anonymous caller
   * @param clientAddress the client's address (for anonymous callers)
   * @param database {@code entity/database}, for the anonymous share of one database
   * @throws AybException Other (429) with Retry-After when a limit is reached
   */
  Ticket admit(Optional<Caller> caller, String clientAddress, String database);

  /** A query's place; closing it (idempotent) lets the next one in. */
  interface Ticket extends AutoCloseable {
    @Override
    void close();
  }
}
