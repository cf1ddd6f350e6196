package org.aybdb.application;

import java.util.List;
import java.util.Optional;
import org.aybdb.application.engine.QueryCursor;
import org.aybdb.application.engine.StatementBatch;
import org.aybdb.application.engine.StatementResult;

/**
 * The per-request work of {@code POST /v1/{entity}/{database}/query} and of bearer authentication,
 * served from memory when it can be: a token found valid recently and an access decision made
 * recently cost map lookups, not metadata queries or container calls. Anything not known (a new
 * token, a refusal, a change since) goes to {@link TokenService} and {@link AccessPolicy}, which
 * answer as always.
 */
public interface QueryPath {

  /**
   * The caller of a bearer token, as {@link TokenService#authenticate}: same answers, same
   * refusals. A revoked token is refused from the moment the revocation is made.
   */
  Caller authenticate(String token);

  /**
   * Starts {@code sql} for {@code caller} (empty: anonymous) at {@code clientAddress}: the access
   * check of {@link AccessPolicy#query}, then the fair-sharing admission ({@link QueryAdmission}),
   * then the engine; closing the cursor gives back both the database and the admission. A change of
   * sharing, of a public sharing level or of a database takes effect from the next query.
   *
   * @throws AybException as {@link AccessPolicy#query}; Other (400) for empty SQL; Other (429) with
   *     Retry-After beyond a rate or concurrency limit; Other (503) with Retry-After when the
   *     database or every daemon stayed busy past {@code [limits] queue_wait}; QueryError (403) for
   *     a write past the storage quota; the engine's errors
   */
  QueryCursor open(
      Optional<Caller> caller, String clientAddress, String entity, String database, String sql);

  /**
   * Runs {@code batch} (statements with bound parameters, each with its own result) like {@link
   * #open}: the same access check, admission, storage quota and containment; the answer collected
   * whole. A read-only caller's batch runs on a read-only connection (a write in it fails).
   *
   * @throws AybException as {@link #open}; {@link
   *     org.aybdb.application.engine.StatementFailedException} for a failed atomic batch
   */
  List<StatementResult> run(
      Optional<Caller> caller,
      String clientAddress,
      String entity,
      String database,
      StatementBatch batch);
}
