package org.aybdb.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.AccessPolicy;
import org.aybdb.application.Caller;
import org.aybdb.application.QueryAdmission;
import org.aybdb.application.QueryPath;
import org.aybdb.application.TokenService;
import org.aybdb.application.engine.QueryCursor;
import org.aybdb.application.engine.QueryEngine;
import org.aybdb.application.engine.SingleSelect;
import org.aybdb.application.engine.StatementBatch;
import org.aybdb.application.engine.StatementResult;
import org.aybdb.domain.model.Slugs;
import org.aybdb.domain.model.database.DatabaseType;

/**
 * {@link QueryPath} over {@link AuthenticatedTokens} and {@link QueryGrants}: on a hit, no metadata
 * query, no JNDI look-up and no EJB call on the way to the engine (which is called without its
 * container proxy, see {@link QueryEngine#plain}); on a miss, the {@link TokenService} and the
 * {@link AccessPolicy} decide (and fill the caches).
 */
@ApplicationScoped // a plain CDI bean: an EJB's interceptors would cost more than the work itself
public class CachedQueryPath implements QueryPath {

  @Inject AuthenticatedTokens recent;
  @Inject TokenUsage usage;
  @Inject TokenService tokens;
  @Inject QueryGrants grants;
  @Inject AccessPolicy access;
  @Inject QueryAdmission admission;
  @Inject DefaultQuotaService quotas;
  @Inject Instance<QueryEngine> engines;

  private volatile QueryEngine engine;

  @Override
  public Caller authenticate(String token) {
    Objects.requireNonNull(token, "token");
    Optional<Caller> known = recent.valid(token);
    if (known.isPresent()) {
      usage.noteUse(known.get().shortToken());
      return known.get();
    }
    return tokens.authenticate(token);
  }

  @Override
  public QueryCursor open(
      Optional<Caller> caller, String clientAddress, String entity, String database, String sql) {
    Objects.requireNonNull(sql, "sql");
    QueryGrants.Grant grant = grant(caller, entity, database);
    DefaultDatabaseService.requireStatements(sql);
    QueryEngine engine = engine();
    QueryAdmission.Ticket ticket = admission.admit(caller, clientAddress, grant.path());
    try {
      return new AdmittedCursor(
          engine.open(grant.ref(), grant.mode(), sql, writeBudget(grant, SingleSelect.is(sql))),
          ticket);
    } catch (RuntimeException e) {
      ticket.close();
      throw e;
    }
  }

  @Override
  public List<StatementResult> run(
      Optional<Caller> caller,
      String clientAddress,
      String entity,
      String database,
      StatementBatch batch) {
    Objects.requireNonNull(batch, "batch");
    QueryGrants.Grant grant = grant(caller, entity, database);
    DefaultDatabaseService.requireStatements(batch);
    QueryEngine engine = engine();
    try (QueryAdmission.Ticket ticket = admission.admit(caller, clientAddress, grant.path())) {
      return engine.run(grant.ref(), grant.mode(), batch, writeBudget(grant, batch.onlySelects()));
    }
  }

  /**
   * The installed engine without its container proxy, looked up once: no JNDI look-up and no EJB
   * call per query (503 while there is none).
   */
  private QueryEngine engine() {
    QueryEngine known = engine;
    if (known == null) {
      known = DefaultDatabaseService.engine(engines).plain();
      engine = known;
    }
    return known;
  }

  /** Read-write queries are bounded by what is left of the owner's storage quota. */
  private long writeBudget(QueryGrants.Grant grant) {
    return quotas.writeBudget(grant.ref(), grant.mode());
  }

  /**
   * As {@link #writeBudget(QueryGrants.Grant)}, but none for SQLite SQL that is only {@code
   * SELECT}s (one query, or a batch of nothing else): it cannot grow the file, and measuring the
   * owner's storage (a directory listing and file sizes per database) was the largest share of an
   * owner's point query.
   */
  private long writeBudget(QueryGrants.Grant grant, boolean onlySelects) {
    if (grant.ref().type() == DatabaseType.SQLITE && onlySelects) {
      return 0;
    }
    return writeBudget(grant);
  }

  /** The caller's access to the database: remembered, or decided by the policy (which refuses). */
  private QueryGrants.Grant grant(Optional<Caller> caller, String entity, String database) {
    Objects.requireNonNull(caller, "caller");
    QueryGrants.Key key = QueryGrants.Key.of(caller, Slugs.lowerCase(entity), database);
    Optional<QueryGrants.Grant> known = grants.find(key);
    if (known.isPresent()) {
      return known.get();
    }
    long stamp = grants.stamp();
    QueryGrants.Grant decided = QueryGrants.Grant.of(access.query(caller, entity, database));
    grants.remember(stamp, key, decided);
    return decided;
  }
}
