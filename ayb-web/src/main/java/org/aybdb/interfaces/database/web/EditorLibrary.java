package org.aybdb.interfaces.database.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.QueryLibraryService;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.Visitor;

/**
 * The editor's history and saved queries on the database page, for a logged-in visitor with query
 * access. Both live on the server, per user; an anonymous visitor has none (the editor still keeps
 * its text in the browser).
 */
@Named
@ViewScoped
public class EditorLibrary implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject QueryLibraryService library;
  @Inject Visitor visitor;

  private String entity;
  private String database;
  private boolean open;
  private List<QueryLibraryService.HistoryEntry> history = List.of();
  private List<QueryLibraryService.Saved> saved = List.of();
  private final HashMap<Long, String> names = new HashMap<>();
  private String saveName;
  private String message;
  private String error;

  /** Shows the visitor's lists for {@code entity/database} (they may query it). */
  void open(String entity, String database) {
    this.entity = Objects.requireNonNull(entity, "entity");
    this.database = Objects.requireNonNull(database, "database");
    open = visitor.isLoggedIn();
    reload();
  }

  /** Adds what the editor just ran to the history. */
  void ran(String sql) {
    if (open) {
      call(caller -> library.recordRun(caller, entity, database, sql));
      reload();
    }
  }

  /** Saves the editor's SQL under the name typed. */
  public void save(String sql) {
    clearMessages();
    if (call(caller -> library.save(caller, entity, database, saveName, sql))) {
      message = "Saved as '" + saveName.strip() + "'.";
      saveName = null;
    }
    reload();
  }

  public void rename(long id) {
    clearMessages();
    String name = names.get(id);
    if (call(caller -> library.rename(caller, entity, database, id, name))) {
      message = "Renamed to '" + name.strip() + "'.";
    }
    reload();
  }

  public void delete(long id) {
    clearMessages();
    if (call(caller -> library.delete(caller, entity, database, id))) {
      message = "Deleted.";
    }
    reload();
  }

  private boolean call(Consumer<Caller> action) {
    Optional<Caller> caller = visitor.caller();
    if (!open || caller.isEmpty()) {
      error = "Log in to keep queries.";
      return false;
    }
    try {
      action.accept(caller.get());
      return true;
    } catch (AybException refused) {
      error = Pages.describe(refused);
      return false;
    }
  }

  private void reload() {
    history = List.of();
    saved = List.of();
    names.clear();
    Optional<Caller> caller = visitor.caller();
    if (!open || caller.isEmpty()) {
      return;
    }
    try {
      history = library.history(caller.get(), entity, database);
      saved = library.saved(caller.get(), entity, database);
      saved.forEach(query -> names.put(query.id(), query.name()));
    } catch (AybException refused) {
      error = Pages.describe(refused);
    }
  }

  private void clearMessages() {
    message = null;
    error = null;
  }

  /** A history entry's time, UTC. */
  public String when(QueryLibraryService.HistoryEntry entry) {
    return WHEN.format(entry.runAt()) + " UTC";
  }

  /** The first line of a query, for a list. */
  public String title(String sql) {
    String first = sql.strip().lines().findFirst().orElse("");
    return first.length() > 80 ? first.substring(0, 79) + "…" : first;
  }

  public boolean isOpen() {
    return open;
  }

  public List<QueryLibraryService.HistoryEntry> getHistory() {
    return history;
  }

  public List<QueryLibraryService.Saved> getSaved() {
    return saved;
  }

  public Map<Long, String> getNames() {
    return names;
  }

  public String getSaveName() {
    return saveName;
  }

  public void setSaveName(String saveName) {
    this.saveName = saveName;
  }

  public String getMessage() {
    return message;
  }

  public String getError() {
    return error;
  }
}
