package org.aybdb.sandbox.client;

import java.util.List;
import org.aybdb.sandbox.protocol.Truncation;

/**
 * A query's answer: the last statement's column names and rows (every cell a string or null,
 * formatted as {@code ValueFormat} does), whether the rows were cut short, and how many statements
 * ran.
 */
public record QueryResult(
    List<String> fields, List<List<String>> rows, Truncation truncation, int statements) {

  public QueryResult {
    fields = List.copyOf(fields);
    rows = List.copyOf(rows);
  }

  /** Whether rows were dropped because of the row or byte cap. */
  public boolean truncated() {
    return truncation != Truncation.NONE;
  }
}
