package org.aybdb.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aybdb.application.AccessPolicy;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.ErrorType;
import org.aybdb.application.QueryLibraryService;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.account.Account;
import org.aybdb.domain.model.account.AccountRepository;
import org.aybdb.domain.model.database.HostedDatabase;
import org.aybdb.domain.model.query.QueryLibraryRepository;
import org.aybdb.domain.model.query.QueryRun;
import org.aybdb.domain.model.query.SavedQuery;

/**
 * {@link QueryLibraryService}: every call first asks the access policy for query access to the
 * database, then touches only rows of the caller's own entity.
 */
@Stateless
public class DefaultQueryLibraryService implements QueryLibraryService {

  @Inject AccessPolicy access;
  @Inject AccountRepository accounts;
  @Inject QueryLibraryRepository library;
  @Inject AybConfiguration configuration;

  private final Clock clock = Clock.systemUTC();

  @Override
  public void recordRun(Caller caller, String entity, String database, String sql) {
    int keep = configuration.limits().queryHistoryLength();
    if (sql == null || sql.isBlank() || keep <= 0 || !keepable(sql)) {
      // What cannot run (too long, a NUL) is not kept: the run itself says why.
      return;
    }
    HostedDatabase hosted = queryable(caller, entity, database);
    Account runner = account(caller);
    library.record(
        new QueryRun(runner, hosted, sql.strip(), Timestamps.now(clock)), runner, hosted, keep);
  }

  @Override
  public List<HistoryEntry> history(Caller caller, String entity, String database) {
    HostedDatabase hosted = queryable(caller, entity, database);
    return library
        .history(account(caller), hosted, Math.max(0, configuration.limits().queryHistoryLength()))
        .stream()
        .map(run -> new HistoryEntry(run.sql(), run.runAt()))
        .toList();
  }

  @Override
  public List<Saved> saved(Caller caller, String entity, String database) {
    HostedDatabase hosted = queryable(caller, entity, database);
    return library.saved(account(caller), hosted).stream()
        .map(DefaultQueryLibraryService::view)
        .toList();
  }

  @Override
  public Saved save(Caller caller, String entity, String database, String name, String sql) {
    HostedDatabase hosted = queryable(caller, entity, database);
    String cleanName = name(name);
    if (sql == null || sql.isBlank()) {
      throw AybException.badRequest("There is no SQL to save");
    }
    if (!keepable(sql)) {
      throw AybException.badRequest(
          "This SQL cannot be saved: it holds a NUL character or half a surrogate pair, or is"
              + " longer than "
              + configuration.sandbox().maxSqlBytes()
              + " bytes ([sandbox] max_sql_bytes)");
    }
    Account owner = account(caller);
    Optional<SavedQuery> existing = library.savedQuery(owner, hosted, cleanName);
    if (existing.isPresent()) {
      existing.get().setSql(sql.strip());
      return view(existing.get());
    }
    int max = configuration.limits().maxSavedQueriesPerEntity();
    if (library.savedCount(owner) >= max) {
      throw new AybException(
          ErrorType.Other,
          AybException.Kind.FORBIDDEN,
          "You have saved "
              + max
              + " queries, the most this server keeps per user; delete one to save another");
    }
    return view(
        library.store(
            new SavedQuery(owner, hosted, cleanName, sql.strip(), Timestamps.now(clock))));
  }

  @Override
  public void rename(Caller caller, String entity, String database, long id, String name) {
    HostedDatabase hosted = queryable(caller, entity, database);
    Account owner = account(caller);
    SavedQuery query = own(owner, hosted, id);
    String cleanName = name(name);
    Optional<SavedQuery> taken = library.savedQuery(owner, hosted, cleanName);
    if (taken.isPresent() && !taken.get().id().equals(query.id())) {
      throw AybException.badRequest("You already have a saved query named '" + cleanName + "'");
    }
    query.rename(cleanName);
  }

  @Override
  public void delete(Caller caller, String entity, String database, long id) {
    HostedDatabase hosted = queryable(caller, entity, database);
    Account owner = account(caller);
    library.remove(own(owner, hosted, id));
  }

  private HostedDatabase queryable(Caller caller, String entity, String database) {
    Objects.requireNonNull(caller, "caller");
    return access.query(Optional.of(caller), entity, database).database();
  }

  private Account account(Caller caller) {
    return accounts
        .find(caller.slug())
        .orElseThrow(() -> AybException.recordNotFound(caller.slug(), "entity"));
  }

  private SavedQuery own(Account owner, HostedDatabase hosted, long id) {
    return library
        .savedQuery(owner, id)
        .filter(query -> query.database().id().equals(hosted.id()))
        .orElseThrow(() -> AybException.recordNotFound(Long.toString(id), "saved query"));
  }

  private static String name(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      throw AybException.badRequest("Give the query a name");
    }
    if (!DefaultProfileService.isStorableText(clean)) {
      throw AybException.badRequest(
          "A query's name must not contain NUL characters or half a surrogate pair");
    }
    if (clean.length() > SavedQuery.MAX_NAME_LENGTH) {
      throw AybException.badRequest(
          "A query's name has at most " + SavedQuery.MAX_NAME_LENGTH + " characters");
    }
    return clean;
  }

  /**
   * Whether the metadata store can keep {@code sql} (PostgreSQL refuses a NUL in text) and it is no
   * longer than a query may be: the editor's text is a form field, any size and content.
   */
  private boolean keepable(String sql) {
    return DefaultProfileService.isStorableText(sql)
        && sql.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
            <= configuration.sandbox().maxSqlBytes();
  }

  private static Saved view(SavedQuery query) {
    return new Saved(query.id(), query.name(), query.sql());
  }
}
