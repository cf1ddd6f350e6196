package org.aybdb.sandbox.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A message from a daemon to the server. A query is answered by {@link Columns}, zero or more
 * {@link Rows} and {@link End}, or by an {@link Error} (possibly after some Columns/Rows frames,
 * which the client then drops).
 */
public sealed interface Response
    permits Response.Hello,
        Response.Columns,
        Response.Rows,
        Response.End,
        Response.TypedColumns,
        Response.TypedRows,
        Response.StatementEnd,
        Response.Pong,
        Response.Ok,
        Response.Error {

  /** The id of the request this answers (0 for {@link Hello}). */
  long id();

  /**
   * The daemon's first frame, sent once it is ready to serve requests.
   *
   * @param engineVersion e.g. {@code "sqlite 3.40.1"}
   * @param sandboxStatus the first stage's report of the sandbox it applied, e.g. {@code
   *     "landlock=7 seccomp=on netns=on"} or {@code "unsandboxed"}
   */
  record Hello(int protocolVersion, String engineVersion, String sandboxStatus)
      implements Response {
    @Override
    public long id() {
      return 0;
    }
  }

  /** The names of the result columns of the last statement (listed even when no row follows). */
  record Columns(long id, List<String> names) implements Response {
    public Columns {
      names = List.copyOf(names);
    }
  }

  /** A batch of rows; every cell is a string formatted as ayb formats it, or null. */
  record Rows(long id, List<List<String>> rows) implements Response {
    public Rows {
      Objects.requireNonNull(rows, "rows");
    }
  }

  /**
   * The end of a query's result.
   *
   * @param statements how many statements of the request were executed (all of them)
   * @param truncation whether the rows sent were cut short, and why
   */
  record End(long id, int statements, Truncation truncation) implements Response {
    public End {
      Objects.requireNonNull(truncation, "truncation");
    }
  }

  /**
   * The result columns of one statement of a typed {@link Request.Batch}.
   *
   * @param declaredTypes each column's declared type ({@code sqlite3_column_decltype}), null for an
   *     expression
   */
  record TypedColumns(long id, List<String> names, List<String> declaredTypes) implements Response {
    public TypedColumns {
      names = List.copyOf(names);
      declaredTypes =
          java.util.Collections.unmodifiableList(new java.util.ArrayList<>(declaredTypes));
      if (names.size() != declaredTypes.size()) {
        throw new IllegalArgumentException("one declared type per column");
      }
    }
  }

  /** A batch of rows of a typed {@link Request.Batch}: each cell with its storage class. */
  record TypedRows(long id, List<List<Value>> rows) implements Response {
    public TypedRows {
      Objects.requireNonNull(rows, "rows");
    }
  }

  /**
   * The end of one statement's result in a {@link Request.Batch}.
   *
   * @param index the statement's 1-based index
   * @param changes rows inserted, updated or deleted by the statement (triggers included)
   * @param lastInsertRowid {@code sqlite3_last_insert_rowid} after the statement
   * @param durationNanos how long the statement took in the daemon
   */
  record StatementEnd(
      long id,
      int index,
      Truncation truncation,
      long changes,
      long lastInsertRowid,
      long durationNanos)
      implements Response {
    public StatementEnd {
      Objects.requireNonNull(truncation, "truncation");
    }
  }

  /** The answer to {@link Request.Ping}. */
  record Pong(long id) implements Response {}

  /** Success of a {@link Request.VacuumInto} or {@link Request.Shutdown}. */
  record Ok(long id) implements Response {}

  /**
   * The request failed; the daemon is still usable.
   *
   * @param sqliteCode SQLite's extended result code, or -1 when the error is not SQLite's
   * @param statementIndex the 1-based index of the failing statement of a query, or 0
   * @param message SQLite's own message text for {@link ErrorKind#SQL}, else the daemon's
   */
  record Error(long id, ErrorKind kind, int sqliteCode, int statementIndex, String message)
      implements Response {
    public Error {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }
}
