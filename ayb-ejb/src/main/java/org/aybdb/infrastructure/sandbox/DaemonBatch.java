package org.aybdb.infrastructure.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aybdb.application.AybException;
import org.aybdb.application.engine.BoundStatement;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.application.engine.StatementBatch;
import org.aybdb.application.engine.StatementFailedException;
import org.aybdb.application.engine.StatementResult;
import org.aybdb.sandbox.client.DaemonFailureException;
import org.aybdb.sandbox.client.DaemonQueryException;
import org.aybdb.sandbox.protocol.QueryMode;
import org.aybdb.sandbox.protocol.Request;
import org.aybdb.sandbox.protocol.Response;
import org.aybdb.sandbox.protocol.Statement;
import org.aybdb.sandbox.protocol.Value;

/**
 * Translates a {@link StatementBatch} into the daemon's BATCH request and its answer frames back
 * into {@link StatementResult}s, on one leased daemon.
 */
final class DaemonBatch {

  private DaemonBatch() {}

  /** The daemon request for {@code batch} (the daemon's default caps, the given quota). */
  static Request.Batch request(StatementBatch batch, boolean readOnly, long maxFileBytes) {
    List<Statement> statements = new ArrayList<>(batch.statements().size());
    for (BoundStatement s : batch.statements()) {
      List<Value> positional = new ArrayList<>(s.positional().size());
      for (Object v : s.positional()) {
        positional.add(value(v));
      }
      Map<String, Value> named = new LinkedHashMap<>();
      s.named().forEach((k, v) -> named.put(k, value(v)));
      statements.add(new Statement(s.sql(), positional, named));
    }
    return new Request.Batch(
        0,
        readOnly ? QueryMode.READ_ONLY : QueryMode.READ_WRITE,
        0,
        0,
        0,
        maxFileBytes,
        batch.typed(),
        batch.atomic(),
        statements);
  }

  /**
   * Sends {@code request} on {@code daemon} and collects its results.
   *
   * @throws DaemonQueryException the daemon's error answer (the daemon stays usable)
   */
  static List<StatementResult> run(
      org.aybdb.infrastructure.sandbox.pool.ManagedDaemon daemon,
      Request.Batch request,
      Duration timeout)
      throws DaemonQueryException, DaemonFailureException {
    Objects.requireNonNull(daemon, "daemon");
    long deadline = System.nanoTime() + timeout.toNanos();
    long id = daemon.sendBatch(request, timeout);
    List<StatementResult> results = new ArrayList<>();
    List<String> fields = List.of();
    List<String> declared = List.of();
    List<List<Object>> rows = new ArrayList<>();
    while (true) {
      Response r = daemon.nextQueryFrame(id, deadline);
      if (r instanceof Response.Columns c) {
        fields = c.names();
      } else if (r instanceof Response.TypedColumns c) {
        fields = c.names();
        declared = c.declaredTypes();
      } else if (r instanceof Response.Rows batch) {
        for (List<String> row : batch.rows()) {
          rows.add(new ArrayList<>(row));
        }
      } else if (r instanceof Response.TypedRows batch) {
        for (List<Value> row : batch.rows()) {
          List<Object> cells = new ArrayList<>(row.size());
          for (Value v : row) {
            cells.add(object(v));
          }
          rows.add(cells);
        }
      } else if (r instanceof Response.StatementEnd end) {
        results.add(
            new StatementResult(
                fields,
                declared,
                rows,
                truncation(end.truncation()),
                end.changes(),
                end.lastInsertRowid(),
                end.durationNanos()));
        fields = List.of();
        declared = List.of();
        rows = new ArrayList<>();
      } else if (r instanceof Response.End) {
        return results;
      }
    }
  }

  /**
   * An error answer for an atomic batch names its statement (the daemon counts from 1, the HTTP
   * answer from 0, as the request's array does).
   */
  static AybException failure(AybException mapped, DaemonQueryException e, boolean atomic) {
    int index = e.error().statementIndex();
    return atomic && index > 0 ? new StatementFailedException(index - 1, mapped) : mapped;
  }

  static QueryResult.Truncation truncation(org.aybdb.sandbox.protocol.Truncation t) {
    return switch (t) {
      case NONE -> QueryResult.Truncation.NONE;
      case ROWS -> QueryResult.Truncation.ROWS;
      case BYTES -> QueryResult.Truncation.BYTES;
    };
  }

  private static Value value(Object v) {
    if (v == null) {
      return Value.Null.INSTANCE;
    }
    if (v instanceof Long l) {
      return new Value.Int(l);
    }
    if (v instanceof Double d) {
      return new Value.Real(d);
    }
    if (v instanceof String s) {
      return new Value.Text(s);
    }
    return new Value.Blob((byte[]) v);
  }

  private static Object object(Value v) {
    if (v instanceof Value.Int i) {
      return i.value();
    }
    if (v instanceof Value.Real d) {
      return d.value();
    }
    if (v instanceof Value.Text t) {
      return t.value();
    }
    if (v instanceof Value.Blob b) {
      return b.value();
    }
    return null;
  }
}
