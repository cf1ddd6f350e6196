package org.aybdb.application;

import java.util.Optional;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.PublicSharingLevel;

/**
 * Hosted databases: create, details, update and queries. Values the client sends arrive parsed but
 * unchecked ({@link Requested}), so that a bad one is refused in ayb's order, after the database or
 * entity is found; entity names are case-insensitive, database names case-sensitive.
 */
public interface DatabaseService {

  /**
   * Creates {@code entity/database} with its first (empty) version folder.
   *
   * @throws AybException InvalidSlug (400); RecordNotFound entity (404); Other (400) for a missing
   *     or unknown value (the type, then the public level) or an engine not offered here; Other
   *     (403) for someone else's entity; Other "Database already exists" (409)
   */
  CreatedDatabase create(
      Caller caller,
      String entity,
      String database,
      Requested<DatabaseType> dbType,
      Requested<PublicSharingLevel> publicSharingLevel);

  /** What {@code caller} (empty: anonymous) may know of a database; see {@link AccessPolicy}. */
  DatabaseDetails details(Optional<Caller> caller, String entity, String database);

  /**
   * Changes the public sharing level (owner or manager).
   *
   * @throws AybException see {@link AccessPolicy#manage}; then Other (400) for an invalid value,
   *     EmptyUpdateError (400) when no updatable value is given
   */
  void update(
      Caller caller,
      String entity,
      String database,
      Requested<PublicSharingLevel> publicSharingLevel);

  /**
   * Runs {@code sql} (every statement, in order) with the caller's highest access.
   *
   * @throws AybException Other (400) for empty SQL; the engine's errors; see {@link
   *     AccessPolicy#query}
   */
  QueryResult query(Optional<Caller> caller, String entity, String database, String sql);

  /**
   * Like {@link #query}; {@code cancellation} stops it from another thread (the web UI's Cancel
   * button), which then fails with a 400 {@code QueryError}.
   */
  QueryResult query(
      Optional<Caller> caller,
      String entity,
      String database,
      String sql,
      org.aybdb.application.engine.Cancellation cancellation);

  /**
   * Runs {@code batch} as {@link QueryPath#run} does, but under a place taken with {@link #admit}
   * (a web UI request runs several queries under one), stoppable through {@code cancellation} as
   * {@link #query(Optional, String, String, String, org.aybdb.application.engine.Cancellation)}.
   */
  java.util.List<org.aybdb.application.engine.StatementResult> run(
      Optional<Caller> caller,
      String entity,
      String database,
      org.aybdb.application.engine.StatementBatch batch,
      org.aybdb.application.engine.Cancellation cancellation);

  /**
   * As {@link #query(Optional, String, String, String, org.aybdb.application.engine.Cancellation)},
   * but on a read-only connection whatever the caller's access: for SQL the caller did not run as
   * typed (the web UI's grid, schema and shared {@code ?sql=} links), which must never write even
   * when a text check took a write for a read.
   */
  QueryResult read(
      Optional<Caller> caller,
      String entity,
      String database,
      String sql,
      org.aybdb.application.engine.Cancellation cancellation);

  /**
   * As {@link #run}, on a read-only connection whatever the caller's access (see {@link #read}).
   */
  java.util.List<org.aybdb.application.engine.StatementResult> read(
      Optional<Caller> caller,
      String entity,
      String database,
      org.aybdb.application.engine.StatementBatch batch,
      org.aybdb.application.engine.Cancellation cancellation);

  /**
   * Takes the caller's fair-sharing place ({@link QueryAdmission}) for the queries one request runs
   * through {@link #query} (a web UI page runs several: its grid, row count and schema), after the
   * same access check as {@link #query}. Close the ticket when the request ends.
   *
   * @throws AybException as {@link AccessPolicy#query}; Other (429) with Retry-After beyond a rate
   *     or concurrency limit
   */
  QueryAdmission.Ticket admit(
      Optional<Caller> caller, String clientAddress, String entity, String database);
}
