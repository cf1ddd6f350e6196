package org.aybdb.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.AccessPolicy;
import org.aybdb.application.AuthorizedDatabase;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.CreatedDatabase;
import org.aybdb.application.DatabaseDetails;
import org.aybdb.application.DatabaseService;
import org.aybdb.application.ErrorType;
import org.aybdb.application.QueryAdmission;
import org.aybdb.application.Requested;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.Cancellation;
import org.aybdb.application.engine.QueryEngine;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.application.port.HostedFiles;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.Slugs;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.database.HostedDatabaseRepository;
import org.aybdb.domain.model.database.PublicSharingLevel;

/** {@link DatabaseService}: checks in ayb's order, access decided by {@link AccessPolicy}. */
@Stateless
public class DefaultDatabaseService implements DatabaseService {

  static final String ALREADY_EXISTS = "Database already exists";
  static final String EMPTY_UPDATE =
      "No fields provided to update. Please specify at least one field to update.";
  static final String EMPTY_QUERY = "The query is empty: send the SQL text as the request body";

  @Inject AybConfiguration configuration;
  @Inject AccountRepository accounts;
  @Inject HostedDatabaseRepository databases;
  @Inject AccessPolicy access;
  // Looked up per query, so that the rest of the API deploys and answers without an engine.
  @Inject Instance<QueryEngine> engines;
  @Inject DefaultQuotaService quotas;
  @Inject QueryAdmission admission;
  @Inject HostedFiles files;

  @Override
  public CreatedDatabase create(
      Caller caller,
      String entity,
      String database,
      Requested<DatabaseType> dbType,
      Requested<PublicSharingLevel> publicSharingLevel) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(dbType, "dbType");
    Objects.requireNonNull(publicSharingLevel, "publicSharingLevel");
    Slugs.problem(Slugs.Kind.DATABASE, database)
        .ifPresent(
            problem -> {
              throw new AybException(
                  ErrorType.InvalidSlug, AybException.Kind.INVALID_INPUT, problem);
            });
    String slug = Slugs.lowerCase(entity);
    Account owner =
        accounts.find(slug).orElseThrow(() -> AybException.recordNotFound(slug, "entity"));
    DatabaseType type = dbType.required();
    PublicSharingLevel level = publicSharingLevel.required();
    requireCreator(caller, owner);
    if (databases.find(owner, database).isPresent()) {
      throw new AybException(ErrorType.Other, AybException.Kind.CONFLICT, ALREADY_EXISTS);
    }
    quotas.checkCreate(owner);
    try {
      databases.store(new HostedDatabase(owner, database, type, level));
    } catch (PersistenceException e) {
      throw refusedInsert(e);
    }
    Path version = files.newVersion(owner.slug(), database);
    files.switchTo(owner.slug(), database, version);
    return new CreatedDatabase(owner.slug(), database, type.word());
  }

  /**
   * What a failed insert of a database's row means to the caller: another request created it in the
   * meantime (the unique key of owner and slug), or, for anything else (a busy metadata store,
   * say), a failure that is not the caller's doing.
   */
  static AybException refusedInsert(RuntimeException failure) {
    if (violatesAConstraint(failure)) {
      return new AybException(ErrorType.Other, AybException.Kind.CONFLICT, ALREADY_EXISTS);
    }
    return new AybException(
        ErrorType.Other,
        AybException.Kind.UNAVAILABLE,
        "The metadata store could not record the database; try again");
  }

  /**
   * Whether the store refused the write for a constraint (SQL state class 23, or SQLite's
   * SQLITE_CONSTRAINT, whose driver reports no SQL state).
   */
  static boolean violatesAConstraint(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql) {
        String state = sql.getSQLState();
        if ((state != null && state.startsWith("23")) || (sql.getErrorCode() & 0xff) == 19) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Only the entity itself may create its databases, and not through a token scoped to one
   * database.
   */
  static void requireCreator(Caller caller, Account owner) {
    if (!owner.id().equals(caller.entityId()) || caller.scopedDatabaseId().isPresent()) {
      throw new AybException(
          ErrorType.Other,
          AybException.Kind.FORBIDDEN,
          "Authenticated entity "
              + caller.slug()
              + " can't create a database for entity "
              + owner.slug());
    }
  }

  @Override
  public DatabaseDetails details(Optional<Caller> caller, String entity, String database) {
    AuthorizedDatabase found = access.discover(caller, entity, database);
    HostedDatabase hosted = found.database();
    return new DatabaseDetails(
        hosted.owner().slug(),
        hosted.slug(),
        hosted.type().word(),
        found.access().queryLevel(),
        found.canManage(),
        hosted.publicSharingLevel().word(),
        hosted.forkedFrom());
  }

  @Override
  public void update(
      Caller caller,
      String entity,
      String database,
      Requested<PublicSharingLevel> publicSharingLevel) {
    Objects.requireNonNull(publicSharingLevel, "publicSharingLevel");
    AuthorizedDatabase found = access.manage(caller, entity, database, "update");
    PublicSharingLevel level =
        publicSharingLevel
            .optional()
            .orElseThrow(
                () ->
                    new AybException(
                        ErrorType.EmptyUpdateError, AybException.Kind.INVALID_INPUT, EMPTY_UPDATE));
    found.database().setPublicSharingLevel(level);
  }

  // No metadata transaction is held while the engine runs: the policy's own is over by then.
  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public QueryResult query(Optional<Caller> caller, String entity, String database, String sql) {
    return query(caller, entity, database, sql, Cancellation.none());
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public QueryResult query(
      Optional<Caller> caller,
      String entity,
      String database,
      String sql,
      Cancellation cancellation) {
    return execute(caller, entity, database, false, sql, cancellation);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public QueryResult read(
      Optional<Caller> caller,
      String entity,
      String database,
      String sql,
      Cancellation cancellation) {
    return execute(caller, entity, database, true, sql, cancellation);
  }

  /** Runs {@code sql} with the caller's access, or read-only whatever it is. */
  private QueryResult execute(
      Optional<Caller> caller,
      String entity,
      String database,
      boolean readOnly,
      String sql,
      Cancellation cancellation) {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(cancellation, "cancellation");
    AuthorizedDatabase found = access.query(caller, entity, database);
    AccessMode mode = readOnly ? AccessMode.READ_ONLY : found.accessMode();
    QueryEngine engine = engine(engines, sql);
    return engine.execute(
        found.ref(), mode, sql, quotas.writeBudget(found.ref(), mode), cancellation);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public QueryAdmission.Ticket admit(
      Optional<Caller> caller, String clientAddress, String entity, String database) {
    AuthorizedDatabase found = access.query(caller, entity, database);
    return admission.admit(caller, clientAddress, found.path());
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public java.util.List<org.aybdb.application.engine.StatementResult> run(
      Optional<Caller> caller,
      String entity,
      String database,
      org.aybdb.application.engine.StatementBatch batch,
      Cancellation cancellation) {
    return run(caller, entity, database, false, batch, cancellation);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public java.util.List<org.aybdb.application.engine.StatementResult> read(
      Optional<Caller> caller,
      String entity,
      String database,
      org.aybdb.application.engine.StatementBatch batch,
      Cancellation cancellation) {
    return run(caller, entity, database, true, batch, cancellation);
  }

  /** Runs {@code batch} with the caller's access, or read-only whatever it is. */
  private java.util.List<org.aybdb.application.engine.StatementResult> run(
      Optional<Caller> caller,
      String entity,
      String database,
      boolean readOnly,
      org.aybdb.application.engine.StatementBatch batch,
      Cancellation cancellation) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(cancellation, "cancellation");
    AuthorizedDatabase found = access.query(caller, entity, database);
    AccessMode mode = readOnly ? AccessMode.READ_ONLY : found.accessMode();
    return batchEngine(engines, batch)
        .run(found.ref(), mode, batch, quotas.writeBudget(found.ref(), mode), cancellation);
  }

  /** As {@link #engine(Instance)}, once every statement of {@code batch} is known not blank. */
  static QueryEngine batchEngine(
      Instance<QueryEngine> engines, org.aybdb.application.engine.StatementBatch batch) {
    requireStatements(batch);
    return engine(engines);
  }

  /** As {@link #engine(Instance)}, once {@code sql} is known not to be blank. */
  static QueryEngine engine(Instance<QueryEngine> engines, String sql) {
    requireStatements(sql);
    return engine(engines);
  }

  /** Refuses a batch with a blank statement (400). */
  static void requireStatements(org.aybdb.application.engine.StatementBatch batch) {
    for (var statement : batch.statements()) {
      requireStatements(statement.sql());
    }
  }

  /** Refuses blank SQL (400). */
  static void requireStatements(String sql) {
    if (sql.isBlank()) {
      throw AybException.badRequest(EMPTY_QUERY);
    }
  }

  /** The installed engine; 503 without one. */
  static QueryEngine engine(Instance<QueryEngine> engines) {
    if (!engines.isResolvable()) {
      throw new AybException(
          ErrorType.Other,
          AybException.Kind.UNAVAILABLE,
          "Queries are not available: no query engine is installed");
    }
    return engines.get();
  }
}
