package org.aybdb.infrastructure.persistence.sqlite;

import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.internal.expressions.ExpressionSQLPrinter;
import org.eclipse.persistence.internal.expressions.SQLSelectStatement;
import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.queries.ValueReadQuery;

/**
 * EclipseLink has no SQLite platform. This one teaches it the two things the metadata store needs:
 * identity columns ({@code last_insert_rowid()}) and paging ({@code LIMIT ? OFFSET ?}).
 */
public class SQLitePlatform extends DatabasePlatform {

  @Override
  public boolean supportsIdentity() {
    return true;
  }

  @Override
  public ValueReadQuery buildSelectQueryForIdentity() {
    ValueReadQuery selectId = new ValueReadQuery();
    selectId.setSQLString("SELECT last_insert_rowid()");
    return selectId;
  }

  @Override
  public boolean supportsGlobalTempTables() {
    return false;
  }

  @Override
  public boolean supportsLocalTempTables() {
    return false;
  }

  @Override
  public boolean supportsStoredFunctions() {
    return false;
  }

  @Override
  public boolean supportsNestingOuterJoins() {
    return true;
  }

  @Override
  public int computeMaxRowsForSQL(int firstResultIndex, int maxResults) {
    // EclipseLink passes an absolute end row; LIMIT wants a count.
    return maxResults - firstResultIndex;
  }

  @Override
  public void printSQLSelectStatement(
      DatabaseCall call, ExpressionSQLPrinter printer, SQLSelectStatement statement) {
    int max = statement.getQuery() == null ? 0 : statement.getQuery().getMaxRows();
    int first = statement.getQuery() == null ? 0 : statement.getQuery().getFirstResult();
    if (max <= 0 && first <= 0) {
      super.printSQLSelectStatement(call, printer, statement);
      return;
    }
    statement.setUseUniqueFieldAliases(true);
    call.setFields(statement.printSQL(printer));
    if (max > 0) {
      printer.printString(" LIMIT ");
      printer.printParameter(DatabaseCall.MAXROW_FIELD);
    } else {
      printer.printString(" LIMIT -1");
    }
    printer.printString(" OFFSET ");
    printer.printParameter(DatabaseCall.FIRSTRESULT_FIELD);
    call.setIgnoreFirstRowSetting(true);
    call.setIgnoreMaxResultsSetting(true);
  }
}
