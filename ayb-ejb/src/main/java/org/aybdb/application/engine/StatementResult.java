package org.aybdb.application.engine;

import java.util.List;
import java.util.Objects;

/**
 * One statement's result in a {@link StatementBatch}.
 *
 * @param fields the column names
 * @param declaredTypes each column's declared type (null for an expression); empty unless typed
 * @param rows cells as ayb formats them ({@link String} or null) or, when typed, SQLite values as
 *     {@link BoundStatement} lists them ({@code null}, {@link Long}, {@link Double}, {@link
 *     String}, {@code byte[]})
 * @param truncation why the rows were cut short (the row and byte caps span the whole batch)
 * @param rowsChanged rows inserted, updated or deleted by the statement (triggers included)
 * @param lastInsertId the rowid of the connection's last successful INSERT after the statement
 * @param durationNanos how long the statement took inside the engine
 */
public record StatementResult(
    List<String> fields,
    List<String> declaredTypes,
    List<List<Object>> rows,
    QueryResult.Truncation truncation,
    long rowsChanged,
    long lastInsertId,
    long durationNanos) {

  public StatementResult {
    fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    declaredTypes =
        java.util.Collections.unmodifiableList(new java.util.ArrayList<>(declaredTypes));
    rows = Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(truncation, "truncation");
  }
}
