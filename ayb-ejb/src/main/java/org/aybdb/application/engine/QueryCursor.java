package org.aybdb.application.engine;

import java.util.List;

/**
 * A query's answer read while its database is held: the columns first, then the rows batch by batch
 * as the engine produces them, then how it ended. Nothing but the current batch is kept in memory,
 * so a caller that passes each batch on (a response being streamed) needs only a small buffer
 * whatever the result. Always {@link #close()} it: that gives the database back.
 *
 * <p>Errors surface as {@link org.aybdb.application.AybException}s from {@link #nextRows()} too,
 * possibly after some rows (a time limit reached mid-result, a daemon that died).
 */
public interface QueryCursor extends AutoCloseable {

  /** The last statement's column names. */
  List<String> fields();

  /** The next batch of rows (cells as ayb formats them, or null), or null once all are read. */
  List<List<String>> nextRows();

  /** Why the rows were cut short; meaningful once {@link #nextRows()} has returned null. */
  QueryResult.Truncation truncation();

  /** How many statements of the body ran; meaningful once {@link #nextRows()} returned null. */
  int statements();

  /** Gives the database back; an unfinished answer is abandoned (its daemon is replaced). */
  @Override
  void close();
}
