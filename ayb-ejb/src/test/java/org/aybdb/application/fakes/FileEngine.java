package org.aybdb.application.fakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.aybdb.application.engine.AccessMode;
import org.aybdb.application.engine.Cancellation;
import org.aybdb.application.engine.DatabaseRef;
import org.aybdb.application.engine.QueryCursor;
import org.aybdb.application.engine.QueryEngine;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.application.engine.StatementBatch;
import org.aybdb.application.engine.StatementResult;
import org.aybdb.application.port.HostedFiles;

/**
 * A {@link QueryEngine} for the file work around queries: copies are byte copies of the current
 * file, the integrity check answers {@link #integrity}, and the order of copies, checks and
 * quiesced switches is kept in {@link #events}. It runs no SQL.
 */
public final class FileEngine implements QueryEngine {

  private final HostedFiles files;
  public final List<String> events = new ArrayList<>();
  public String integrity = "ok";

  public FileEngine(HostedFiles files) {
    this.files = files;
  }

  @Override
  public QueryResult execute(DatabaseRef database, AccessMode mode, String sql) {
    events.add("execute " + sql);
    return new QueryResult(
        List.of("integrity_check"), List.of(List.of(integrity)), QueryResult.Truncation.NONE, 1);
  }

  @Override
  public void copyInto(DatabaseRef database, String relativeTarget) {
    events.add("copy");
    Path version = files.currentVersion(database.entity(), database.database()).orElseThrow();
    try {
      Files.copy(version.resolve(database.database()), version.resolve(relativeTarget));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public <T> T quiesced(DatabaseRef database, Supplier<T> action) {
    events.add("quiesce");
    T result = action.get();
    events.add("resume");
    return result;
  }

  /** Answers an integrity check of a copy with {@link #integrity}; runs no other SQL. */
  @Override
  public QueryResult executeOnFile(DatabaseRef database, Path file, AccessMode mode, String sql) {
    if (!sql.startsWith("PRAGMA integrity_check")) {
      throw new UnsupportedOperationException("no SQL here");
    }
    events.add("check " + (Files.isRegularFile(file) ? "the copy " : "a missing file ") + sql);
    return new QueryResult(
        List.of("integrity_check"), List.of(List.of(integrity)), QueryResult.Truncation.NONE, 1);
  }

  @Override
  public void releaseFile(DatabaseRef database, Path file) {
    events.add("release");
  }

  @Override
  public QueryCursor open(
      DatabaseRef database,
      AccessMode mode,
      String sql,
      long maxFileBytes,
      Cancellation cancellation) {
    throw new UnsupportedOperationException("no SQL here");
  }

  @Override
  public List<StatementResult> run(
      DatabaseRef database,
      AccessMode mode,
      StatementBatch batch,
      long maxFileBytes,
      Cancellation cancellation) {
    throw new UnsupportedOperationException("no SQL here");
  }

  @Override
  public String status() {
    return "files only";
  }

  @Override
  public boolean ready() {
    return true;
  }
}
