package org.aybdb.application.engine;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a query: the last statement's column names and rows, every cell a string formatted
 * as ayb formats it (INTEGER as decimal, REAL as the shortest decimal that reads back without an
 * exponent, TEXT as text) or null.
 *
 * @param truncation why the rows were cut short; {@link Truncation#NONE} when complete
 * @param statements how many statements of the body ran
 */
public record QueryResult(
    List<String> fields, List<List<String>> rows, Truncation truncation, int statements) {

  public QueryResult {
    fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    rows = Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(truncation, "truncation");
  }

  /** Reads everything {@code cursor} has left (it is not closed). */
  public static QueryResult collect(QueryCursor cursor) {
    List<List<String>> rows = new java.util.ArrayList<>();
    for (var batch = cursor.nextRows(); batch != null; batch = cursor.nextRows()) {
      rows.addAll(batch);
    }
    return new QueryResult(cursor.fields(), rows, cursor.truncation(), cursor.statements());
  }

  /** Why a result is incomplete. */
  public enum Truncation {
    NONE,
    /** More rows than the per-query row cap. */
    ROWS,
    /** More cell text than the per-query byte cap. */
    BYTES
  }
}
