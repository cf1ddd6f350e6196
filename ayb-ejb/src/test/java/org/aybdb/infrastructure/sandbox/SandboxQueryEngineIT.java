package org.aybdb.infrastructure.sandbox;

import static org.aybdb.infrastructure.sandbox.Engines.create;
import static org.aybdb.infrastructure.sandbox.Engines.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.domain.model.database.DatabaseType;
import org.aybdb.infrastructure.sandbox.pool.PoolListener;
import org.aybdb.sandbox.launcher.SandboxSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine as services use it, in both modes, with its error mapping. */
class SandboxQueryEngineIT {

  private Path data;
  private PooledQueryEngine engine;

  @BeforeEach
  void start() throws Exception {
    data = Engines.newDataPath();
    engine = Engines.engine(data, SandboxSettings.defaults(), PoolListener.NONE);
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void sandboxedByDefaultOnThisMachine() {
    assertEquals(SandboxEnvironment.Mode.SANDBOXED, engine.environment().mode());
    assertTrue(engine.ready());
    assertTrue(engine.status().startsWith("sandboxed: sandboxed landlock="), engine.status());
    assertTrue(engine.status().endsWith("; daemons 0/16"), engine.status());
  }

  @Test
  void queriesRunInTheDatabasesDaemon() {
    DatabaseRef db = create(data, "alice", "test.sqlite");
    QueryResult ddl =
        engine.execute(
            db, AccessMode.READ_WRITE, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, x REAL)");
    assertEquals(List.of(), ddl.fields());
    assertEquals(List.of(), ddl.rows());
    engine.execute(
        db, AccessMode.READ_WRITE, "INSERT INTO t(name, x) VALUES ('ann', 10.0), (NULL, 1e-7)");
    QueryResult r =
        engine.execute(db, AccessMode.READ_ONLY, "SELECT id, name, x FROM t ORDER BY id");
    assertEquals(List.of("id", "name", "x"), r.fields());
    assertEquals(
        List.of(List.of("1", "ann", "10"), Arrays.asList("2", null, "0.0000001")), r.rows());
    assertEquals(QueryResult.Truncation.NONE, r.truncation());
    assertEquals(1, r.statements());
    assertEquals(1, engine.pool().liveDaemons());
    assertTrue(engine.pool().daemonPid("alice/test.sqlite").isPresent());
    String hello = engine.pool().sandboxStatus("alice/test.sqlite").orElseThrow();
    assertTrue(hello.startsWith("sandboxed,landlock="), hello);
    assertTrue(hello.contains(",seccomp=on,netns=on,"), hello);
  }

  @Test
  void severalStatementsRunInOrder() {
    DatabaseRef db = create(data, "alice", "multi.sqlite");
    QueryResult r =
        engine.execute(
            db,
            AccessMode.READ_WRITE,
            "CREATE TABLE t(a); INSERT INTO t VALUES (1), (2); SELECT count(*) AS n FROM t");
    assertEquals(List.of("n"), r.fields());
    assertEquals(List.of(List.of("2")), r.rows());
    assertEquals(3, r.statements());
  }

  @Test
  void readOnlyIsEnforcedByTheConnection() {
    DatabaseRef db = create(data, "alice", "ro.sqlite");
    engine.execute(db, AccessMode.READ_WRITE, "CREATE TABLE t(a); INSERT INTO t VALUES (1)");
    for (String sql :
        List.of(
            "INSERT INTO t VALUES (2)",
            "PRAGMA query_only = 0; DELETE FROM t",
            "DROP TABLE t",
            "CREATE TABLE u(b)")) {
      AybException e =
          fails(
              ErrorType.NoWriteAccessError,
              AybException.Kind.FORBIDDEN,
              () -> engine.execute(db, AccessMode.READ_ONLY, sql));
      assertEquals("Attempted to write to database while in read-only mode", e.getMessage());
    }
    assertEquals(
        List.of(List.of("1")), engine.execute(db, AccessMode.READ_ONLY, "SELECT a FROM t").rows());
  }

  @Test
  void sqlErrorsAreQueryErrorsWithSqlitesMessage() {
    DatabaseRef db = create(data, "alice", "err.sqlite");
    AybException e =
        fails(
            ErrorType.QueryError,
            AybException.Kind.INVALID_INPUT,
            () -> engine.execute(db, AccessMode.READ_WRITE, "SELECT * FROM missing"));
    assertEquals("no such table: missing", e.getMessage());
    e =
        fails(
            ErrorType.QueryError,
            AybException.Kind.INVALID_INPUT,
            () -> engine.execute(db, AccessMode.READ_WRITE, "BEGIN; CREATE TABLE x(a)"));
    assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
    e =
        fails(
            ErrorType.QueryError,
            AybException.Kind.INVALID_INPUT,
            () -> engine.execute(db, AccessMode.READ_WRITE, "SELECT CAST(x'ff' AS TEXT)"));
    assertTrue(e.getMessage().contains("Utf8Error"), e.getMessage());
  }

  @Test
  void emptyOrCommentOnlySqlIsAnEmptyResultNotAFailure() {
    DatabaseRef db = create(data, "alice", "empty.sqlite");
    for (String sql : List.of("", "   ", "-- nothing", ";;")) {
      QueryResult r = engine.execute(db, AccessMode.READ_WRITE, sql);
      assertEquals(List.of(), r.fields(), sql);
      assertEquals(List.of(), r.rows(), sql);
      assertEquals(0, r.statements(), sql);
    }
  }

  @Test
  void oversizedSqlIs413() {
    DatabaseRef db = create(data, "alice", "big.sqlite");
    String sql = "SELECT '" + "x".repeat(1 << 20) + "'";
    AybException e =
        fails(
            ErrorType.QueryError,
            AybException.Kind.TOO_LARGE,
            () -> engine.execute(db, AccessMode.READ_WRITE, sql));
    assertTrue(e.getMessage().contains("limit is 1048576 bytes"), e.getMessage());
    assertEquals(
        List.of(List.of("1")), engine.execute(db, AccessMode.READ_WRITE, "SELECT 1").rows());
  }

  @Test
  void aDatabaseWithoutFilesIsNotFound() {
    AybException e =
        fails(
            ErrorType.RecordNotFound,
            AybException.Kind.NOT_FOUND,
            () ->
                engine.execute(
                    new DatabaseRef("alice", "never.sqlite", DatabaseType.SQLITE),
                    AccessMode.READ_WRITE,
                    "SELECT 1"));
    assertEquals("alice/never.sqlite", e.recordId());
    assertEquals("database", e.recordType());
  }

  @Test
  void duckdbDatabasesRunInTheirOwnDuckDbDaemon() {
    DatabaseRef sqlite = create(data, "alice", "s.sqlite");
    Engines.create(data, "alice", "d.duckdb");
    DatabaseRef db = new DatabaseRef("alice", "d.duckdb", DatabaseType.DUCKDB);
    QueryResult ddl = engine.execute(db, AccessMode.READ_WRITE, "CREATE TABLE t(id INTEGER)");
    assertEquals(List.of(), ddl.rows());
    QueryResult insert = engine.execute(db, AccessMode.READ_WRITE, "INSERT INTO t VALUES (1)");
    assertEquals(List.of("Count"), insert.fields());
    assertEquals(List.of(List.of("1")), insert.rows());
    assertEquals(
        List.of(List.of("1.5", "1")),
        engine.execute(db, AccessMode.READ_ONLY, "SELECT 1.5, count(*) FROM t").rows());
    AybException e =
        fails(
            ErrorType.NoWriteAccessError,
            AybException.Kind.FORBIDDEN,
            () -> engine.execute(db, AccessMode.READ_ONLY, "INSERT INTO t VALUES (2)"));
    assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    // The SQLite database beside it still gets a SQLite daemon.
    engine.execute(sqlite, AccessMode.READ_WRITE, "CREATE TABLE t(x)");
    assertEquals(
        List.of(List.of("1")),
        engine.execute(db, AccessMode.READ_ONLY, "SELECT count(*) FROM t").rows());
    assertEquals(2, engine.pool().liveDaemons());
  }

  @Test
  void unsandboxedModeWhenAllowedAndTheSandboxCannotBeEnforced() throws Exception {
    engine.close();
    // A Landlock ABI this kernel does not have makes the sandbox unenforceable here.
    SandboxSettings settings =
        new SandboxSettings(
            true,
            SandboxSettings.defaults().daemon().toBuilder().minLandlockAbi(99).build(),
            SandboxSettings.defaults().pool(),
            SandboxSettings.defaults().queryTimeout(),
            SandboxSettings.defaults().copyTimeout());
    engine = Engines.engine(data, settings, PoolListener.NONE);
    assertEquals(SandboxEnvironment.Mode.UNSANDBOXED, engine.environment().mode());
    assertTrue(engine.ready());
    assertTrue(engine.status().startsWith("UNSANDBOXED: "), engine.status());
    assertTrue(engine.status().contains("Landlock ABI"), engine.status());
    DatabaseRef db = create(data, "alice", "open.sqlite");
    engine.execute(db, AccessMode.READ_WRITE, "CREATE TABLE t(a); INSERT INTO t VALUES ('u')");
    assertEquals(
        List.of(List.of("u")), engine.execute(db, AccessMode.READ_ONLY, "SELECT a FROM t").rows());
    assertEquals("unsandboxed", engine.pool().sandboxStatus(db.path()).orElseThrow());
    // Read-only is the connection's, not the sandbox's: still enforced.
    fails(
        ErrorType.NoWriteAccessError,
        AybException.Kind.FORBIDDEN,
        () -> engine.execute(db, AccessMode.READ_ONLY, "DELETE FROM t"));
  }

  @Test
  void failClosedWhenTheSandboxCannotBeEnforcedAndUnsandboxedIsNotAllowed() throws Exception {
    engine.close();
    SandboxSettings settings =
        SandboxSettings.defaults()
            .withDaemon(SandboxSettings.defaults().daemon().toBuilder().minLandlockAbi(99).build());
    engine = Engines.engine(data, settings, PoolListener.NONE);
    assertEquals(SandboxEnvironment.Mode.REFUSED, engine.environment().mode());
    assertEquals(false, engine.ready());
    assertTrue(engine.status().startsWith("refusing queries: "), engine.status());
    assertTrue(engine.status().contains("allow_unsandboxed = true"), engine.status());
    DatabaseRef db = create(data, "alice", "closed.sqlite");
    AybException e =
        fails(
            ErrorType.Other,
            AybException.Kind.UNAVAILABLE,
            () -> engine.execute(db, AccessMode.READ_WRITE, "SELECT 1"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Queries are refused: refusing queries: the query sandbox cannot be enforced here"),
        e.getMessage());
    assertTrue(SandboxSupport.probe().landlockAbi() < 99);
  }
}
