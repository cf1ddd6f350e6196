package org.aybdb.application.internal;

import java.util.List;
import java.util.Objects;
import org.aybdb.application.QueryAdmission;
import org.aybdb.application.engine.QueryCursor;
import org.aybdb.application.engine.QueryResult;

/** A cursor that gives the caller's admission back with the database. */
record AdmittedCursor(QueryCursor cursor, QueryAdmission.Ticket ticket) implements QueryCursor {

  AdmittedCursor {
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(ticket, "ticket");
  }

  @Override
  public List<String> fields() {
    return cursor.fields();
  }

  @Override
  public List<List<String>> nextRows() {
    return cursor.nextRows();
  }

  @Override
  public QueryResult.Truncation truncation() {
    return cursor.truncation();
  }

  @Override
  public int statements() {
    return cursor.statements();
  }

  @Override
  public void close() {
    try {
      cursor.close();
    } finally {
      ticket.close();
    }
  }
}
