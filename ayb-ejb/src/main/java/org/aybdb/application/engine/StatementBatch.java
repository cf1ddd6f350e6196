package org.aybdb.application.engine;

import java.util.List;
import java.util.Objects;

/**
 * Statements run in one request, each with its own result.
 *
 * @param atomic all in one transaction: a failure rolls every statement back and names the failing
 *     one ({@link StatementFailedException}); statements may not begin or end transactions
 * @param typed results carry declared types and storage classes ({@link StatementResult})
 */
public record StatementBatch(List<BoundStatement> statements, boolean atomic, boolean typed) {

  public StatementBatch {
    statements = List.copyOf(Objects.requireNonNull(statements, "statements"));
  }

  /**
   * Whether every statement is certainly one {@code SELECT} ({@link SingleSelect}): the batch
   * cannot write, so it needs no storage quota and may run on a reader daemon.
   */
  public boolean onlySelects() {
    for (BoundStatement s : statements) {
      if (!SingleSelect.is(s.sql())) {
        return false;
      }
    }
    return !statements.isEmpty();
  }

  /** The UTF-8 size of all statements' SQL. */
  public long sqlBytes() {
    long n = 0;
    for (BoundStatement s : statements) {
      n += s.sql().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    return n;
  }
}
