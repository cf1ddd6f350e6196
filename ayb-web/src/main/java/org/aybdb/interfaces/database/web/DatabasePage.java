package org.aybdb.interfaces.database.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.DatabaseDetails;
import org.aybdb.application.DatabaseGrant;
import org.aybdb.application.DatabaseService;
import org.aybdb.application.ErrorType;
import org.aybdb.application.Requested;
import org.aybdb.application.SharingService;
import org.aybdb.application.SnapshotService;
import org.aybdb.application.engine.BoundStatement;
import org.aybdb.application.engine.Cancellation;
import org.aybdb.application.engine.QueryResult;
import org.aybdb.application.engine.StatementBatch;
import org.aybdb.application.engine.StatementResult;
import org.aybdb.domain.model.database.PublicSharingLevel;
import org.aybdb.domain.model.permission.EntitySharingLevel;
import org.aybdb.domain.model.permission.QueryPermissionLevel;
import org.aybdb.domain.model.snapshot.Snapshot;
import org.aybdb.interfaces.web.Pages;
import org.aybdb.interfaces.web.UiRoutes;
import org.aybdb.interfaces.web.Visitor;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * {@code /<entity>/<database>}: the query editor and its results for anyone with query access, and
 * for owners and managers the sharing tab. Every action goes through the same services (and so the
 * same access policy) as the HTTP API.
 */
@Named
@ViewScoped
public class DatabasePage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter SNAPSHOT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @Inject DatabaseService databases;
  @Inject SharingService sharing;
  @Inject SnapshotService snapshotService;
  @Inject Visitor visitor;
  @Inject PageQueryAdmission admission;
  @Inject EditorLibrary editorLibrary;

  private String entity;
  private String database;
  private DatabaseDetails details;

  /** The key of the messages shown above the results: a refused download's. */
  static final String DOWNLOAD_MESSAGES = "download";

  /** Rows per page of the results grid. */
  static final int PAGE_SIZE = 25;

  private String sql;
  private String selection;
  private String table;
  private GridQuery grid;
  private List<String> fields = List.of();
  private List<List<GridCell>> pageRows = List.of();
  private boolean hasNextPage;
  private long total;
  private String rowSummary;
  private String filterColumn;
  private String filterOperator = GridFilter.Operator.EXACT.getKey();
  private String filterValue;
  private List<SchemaTable> schema = List.of();
  private String schemaError;
  private String queryError;
  private String queryErrorTitle;
  private long elapsedMillis;

  private String publicLevel;
  private String confirmName;
  private String grantee;
  private String granteeLevel = "read-only";
  private String selectedGrantee;

  /** The query Run's request is running, for the Cancel button's request (same view, same bean). */
  private transient volatile Cancellation running;

  private String suggestionNote;
  private List<DatabaseGrant> grants = List.of();

  /** Each grantee's role as its select shows it, changed in place. */
  private final HashMap<String, String> roles = new HashMap<>();

  private List<Snapshot> snapshots = List.of();
  private String snapshotsError;
  private boolean snapshotsOff;
  private String selectedSnapshot;

  /** The page's action on GET. */
  public void load() {
    entity = Pages.routeParameter(UiRoutes.ENTITY).orElse("");
    database = Pages.routeParameter(UiRoutes.DATABASE).orElse("");
    try {
      details = databases.details(visitor.caller(), entity, database);
    } catch (AybException notFound) {
      details = null;
      Pages.status(404);
      return;
    }
    publicLevel = details.publicSharingLevel();
    loadGrants();
    loadSnapshots();
    if (!isCanQuery()) {
      return;
    }
    loadSchema();
    editorLibrary.open(entity, database);
    Map<String, String> parameters = Pages.queryParameters();
    table = Pages.routeParameter(UiRoutes.TABLE).orElse(null);
    if (table != null) {
      if (schema.stream().noneMatch(t -> t.name().equals(table))) {
        Pages.status(404);
      }
      openTable(parameters);
    } else if (parameters.containsKey("sql")) {
      // A shared link fills the editor; only a single read runs by itself (a link never writes),
      // with the sort, filters and page of the grid it was copied from.
      sql = parameters.get("sql");
      String read = SqlText.singleRead(sql);
      if (read != null) {
        editorLibrary.ran(sql);
        grid = new GridQuery(read, PAGE_SIZE);
        applyViewParameters(parameters);
        showGrid(true);
      }
    }
  }

  /** Runs the editor's selection, else its whole SQL; a refusal or SQLite's error is shown. */
  public void run() {
    if (details == null) {
      return;
    }
    String text = selection != null && !selection.isBlank() ? selection : sql;
    selection = null;
    clearResult();
    table = null;
    if (text == null || text.isBlank()) {
      queryErrorTitle = "Nothing to run";
      queryError = "Type a query first.";
      return;
    }
    editorLibrary.ran(text);
    String read = SqlText.singleRead(text);
    running = new Cancellation();
    try {
      if (read != null) {
        grid = new GridQuery(read, PAGE_SIZE);
        showGrid(true);
      } else {
        runAsTyped(text);
      }
    } finally {
      running = null;
    }
    if (read == null) {
      loadSchema();
    }
  }

  /**
   * The Cancel button (sent while Run's request is still running, past PrimeFaces' queue): stops
   * the query that request runs; its daemon is killed, as at the time limit.
   */
  public void cancel() {
    Cancellation run = running;
    if (run != null) {
      run.cancel();
    }
  }

  private void clearResult() {
    grid = null;
    fields = List.of();
    pageRows = List.of();
    rowSummary = null;
    queryError = null;
    hasNextPage = false;
    total = 0;
  }

  /**
   * Reads the grid's page (and, when asked, its row count) with the SQL written around it, the
   * filters' values bound as parameters and the page's values typed.
   */
  private void showGrid(boolean count) {
    queryError = null;
    long start = System.nanoTime();
    try {
      // DuckDB daemons take no bound parameters: its grid writes the filters' values in.
      boolean literal = isDuckdb();
      StatementResult page =
          literal ? runLiteral(grid.pageSql(false)) : run(grid.pageStatement(), true);
      fields = page.fields();
      hasNextPage = page.rows().size() > grid.getPageSize();
      pageRows =
          page.rows().stream()
              .limit(grid.getPageSize())
              .map(
                  row ->
                      row.stream()
                          .map(v -> literal ? GridCell.untyped((String) v) : GridCell.typed(v))
                          .toList())
              .toList();
      if (count) {
        StatementResult counted =
            literal ? runLiteral(grid.countSql(false)) : run(grid.countStatement(), false);
        total = Long.parseLong((String) counted.rows().get(0).get(0));
      }
      rowSummary = gridSummary();
      if (page.truncation() != QueryResult.Truncation.NONE) {
        rowSummary += " (truncated: the page was larger than this server returns)";
      }
    } catch (AybException refused) {
      showRefusal(refused);
    } finally {
      elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    }
  }

  private String gridSummary() {
    String rows = total + (total == 1 ? " row" : " rows");
    if (total <= grid.getPageSize() && grid.getPage() == 0) {
      return rows;
    }
    long first = (long) grid.getPage() * grid.getPageSize() + 1;
    return rows + ", showing " + first + "–" + (first + pageRows.size() - 1);
  }

  /**
   * Runs SQL that the grid cannot wrap (writes, several statements) as typed. A final write is
   * followed by {@code SELECT changes()} to tell how many rows it changed; of a result only the
   * first page is kept.
   */
  private void runAsTyped(String text) {
    boolean write = SqlText.endsWithPlainWrite(text);
    long start = System.nanoTime();
    try {
      QueryResult result = query(write ? text + "\n;SELECT changes()" : text);
      if (write) {
        String changed = result.rows().isEmpty() ? "0" : result.rows().get(0).get(0);
        rowSummary = changed + ("1".equals(changed) ? " row changed" : " rows changed");
        return;
      }
      fields = result.fields();
      total = result.rows().size();
      pageRows =
          result.rows().stream()
              .limit(PAGE_SIZE)
              .map(row -> row.stream().map(GridCell::untyped).toList())
              .toList();
      if (total == 0) {
        rowSummary = "Query executed successfully. No results returned.";
      } else if (total > PAGE_SIZE) {
        rowSummary =
            total
                + " rows, showing the first "
                + PAGE_SIZE
                + " (run a single SELECT statement to page through all of them)";
      } else {
        rowSummary = total + (total == 1 ? " row" : " rows");
      }
      if (result.truncation() != QueryResult.Truncation.NONE) {
        rowSummary += " (truncated: the result was larger than this server returns)";
      }
    } catch (AybException refused) {
      showRefusal(refused);
    } finally {
      elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    }
  }

  /** Runs what the user typed, with their access (it may write). */
  private QueryResult query(String text) {
    Cancellation run = admitted();
    return databases.query(
        visitor.caller(), entity, database, text, run == null ? Cancellation.none() : run);
  }

  /**
   * Runs SQL the page wrote around a read (the grid, the schema) on a read-only connection: a
   * shared link fills the grid on GET, so a text check that took a write for a read (DuckDB's
   * grammar is not SQLite's) must still not let a link write with the visitor's access.
   */
  private QueryResult read(String text) {
    Cancellation run = admitted();
    return databases.read(
        visitor.caller(), entity, database, text, run == null ? Cancellation.none() : run);
  }

  /** The running query's cancellation once the page's place is taken (refused if cancelled). */
  private Cancellation admitted() {
    Cancellation run = running;
    if (run != null && run.isCancelled()) {
      throw new AybException(
          ErrorType.QueryError, AybException.Kind.INVALID_INPUT, "The query was cancelled");
    }
    admission.admitOnce(visitor.caller(), entity, database);
    return run;
  }

  /**
   * Runs one statement the page wrote around a read, with bound parameters, through the same path
   * as the HTTP API's JSON body, on a read-only connection (see {@link #read(String)}).
   */
  private StatementResult run(BoundStatement statement, boolean typed) {
    Cancellation run = admitted();
    return databases
        .read(
            visitor.caller(),
            entity,
            database,
            new StatementBatch(List.of(statement), false, typed),
            run == null ? Cancellation.none() : run)
        .get(0);
  }

  /** Runs SQL with its values written in; the cells come back as text (storage class guessed). */
  private StatementResult runLiteral(String text) {
    QueryResult result = read(text);
    List<List<Object>> rows = new java.util.ArrayList<>();
    for (List<String> row : result.rows()) {
      rows.add(new java.util.ArrayList<Object>(row));
    }
    return new StatementResult(result.fields(), List.of(), rows, result.truncation(), 0, 0, 0);
  }

  private void showRefusal(AybException refused) {
    fields = List.of();
    pageRows = List.of();
    rowSummary = null;
    Cancellation run = running;
    if (run != null && run.isCancelled()) {
      queryErrorTitle = "Query cancelled";
      queryError = "You stopped the query before it finished.";
      return;
    }
    queryErrorTitle = title(refused.type());
    queryError = Pages.describe(refused);
  }

  /** Sorts the grid by a column (a second click reverses the order). */
  public void sort(int column) {
    if (grid != null && column >= 0 && column < fields.size()) {
      grid.sort(fields.get(column));
      showGrid(false);
    }
  }

  public void nextPage() {
    if (grid != null && hasNextPage) {
      grid.page(grid.getPage() + 1);
      showGrid(false);
    }
  }

  public void previousPage() {
    if (grid != null && grid.getPage() > 0) {
      grid.page(grid.getPage() - 1);
      showGrid(false);
    }
  }

  /** Adds the filter form's condition to the grid. */
  public void addFilter() {
    Optional<GridFilter.Operator> operator =
        Optional.ofNullable(filterOperator).flatMap(GridFilter.Operator::of);
    if (grid == null
        || filterColumn == null
        || !fields.contains(filterColumn)
        || operator.isEmpty()) {
      return;
    }
    grid.addFilter(new GridFilter(filterColumn, operator.get(), filterValue));
    filterValue = null;
    showGrid(true);
  }

  public void removeFilter(int index) {
    if (grid != null) {
      grid.removeFilter(index);
      showGrid(true);
    }
  }

  /** Whether this is a DuckDB database (its catalog is not SQLite's). */
  public boolean isDuckdb() {
    return details != null && "duckdb".equals(details.databaseType());
  }

  /** Reads the tables, views, columns, indexes and row counts for the sidebar. */
  public void loadSchema() {
    schema = List.of();
    schemaError = null;
    if (!isCanQuery()) {
      return;
    }
    try {
      boolean duckdb = isDuckdb();
      List<SchemaTable> tables =
          SchemaQueries.tables(
              read(duckdb ? SchemaQueries.DUCKDB_COLUMNS : SchemaQueries.COLUMNS),
              read(duckdb ? SchemaQueries.DUCKDB_INDEXES : SchemaQueries.INDEXES));
      String counts = SchemaQueries.counts(tables);
      // The counts' SQL names the tables, which a read-write grantee chose: read-only too.
      schema = counts == null ? tables : SchemaQueries.withCounts(tables, read(counts));
    } catch (AybException refused) {
      schemaError = Pages.describe(refused);
    }
  }

  /**
   * The table view's GET: {@code SELECT * FROM <table>} in the grid, with Datasette's parameters
   * ({@code _sort}, {@code _sort_desc}, {@code column__exact}, ...) and {@code _page}.
   */
  private void openTable(Map<String, String> parameters) {
    sql = "SELECT * FROM " + SqlText.identifier(table) + ";";
    grid = new GridQuery(SqlText.singleRead(sql), PAGE_SIZE);
    applyViewParameters(parameters);
    showGrid(true);
  }

  /** Datasette's sort, filter and page parameters, applied to the grid. */
  private void applyViewParameters(Map<String, String> parameters) {
    parameters.forEach(
        (name, value) -> {
          switch (name) {
            case "_sort" -> grid.sort(value, false);
            case "_sort_desc" -> grid.sort(value, true);
            case "_page" -> grid.page(parsePage(value) - 1);
            default -> GridFilter.fromParameter(name, value).ifPresent(grid::addFilter);
          }
        });
  }

  private static int parsePage(String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException notANumber) {
      return 1;
    }
  }

  /**
   * A link to what the grid shows: the table view's address (or {@code ?sql=} with the grid's
   * statement) with its sort, filters and page.
   */
  public String getViewLink() {
    if (grid == null) {
      return null;
    }
    StringBuilder link = new StringBuilder(getPath());
    List<String> parameters = new ArrayList<>();
    if (table == null) {
      parameters.add("sql=" + Pages.query(grid.getSource()));
    } else {
      link.append('/').append(Pages.segment(table));
    }
    if (grid.getSortColumn() != null) {
      parameters.add(
          (grid.isDescending() ? "_sort_desc=" : "_sort=") + Pages.query(grid.getSortColumn()));
    }
    for (GridFilter filter : grid.getFilters()) {
      parameters.add(Pages.query(filter.parameter()) + "=" + Pages.query(filter.value()));
    }
    if (grid.getPage() > 0) {
      parameters.add("_page=" + (grid.getPage() + 1));
    }
    return parameters.isEmpty() ? link.toString() : link + "?" + String.join("&", parameters);
  }

  private static String title(ErrorType type) {
    return switch (type) {
      case QueryError -> "Query error";
      case NoWriteAccessError -> "No write access";
      case Unauthorized -> "Log in required";
      default -> "Error running query";
    };
  }

  /** The whole result as shown in the grid (filters, order), read again for the file. */
  public StreamedContent getCsv() {
    return wholeResult().map(all -> download(ResultFiles.csv(all), "text/csv", "csv")).orElse(null);
  }

  public StreamedContent getJson() {
    return wholeResult()
        .map(all -> download(ResultFiles.json(all), "application/json", "json"))
        .orElse(null);
  }

  /**
   * The grid's whole result, or empty when it is refused (a limit, a dropped table, lost access):
   * the refusal is shown above the grid, which stays as it was, and with no file the page is
   * rendered again instead of a download.
   */
  private Optional<QueryResult> wholeResult() {
    if (grid == null) {
      return Optional.of(new QueryResult(List.of(), List.of(), QueryResult.Truncation.NONE, 0));
    }
    try {
      // DuckDB daemons take no bound parameters: as for its grid, the values are written in.
      return Optional.of(isDuckdb() ? read(grid.allSql()) : boundWholeResult());
    } catch (AybException refused) {
      Pages.error(DOWNLOAD_MESSAGES, "Could not download", refused);
      return Optional.empty();
    }
  }

  /** The whole result through a bound statement, its cells as text (BLOBs described). */
  private QueryResult boundWholeResult() {
    StatementResult all = run(grid.allStatement(fields), false);
    List<List<String>> rows =
        all.rows().stream().map(row -> row.stream().map(cell -> (String) cell).toList()).toList();
    return new QueryResult(all.fields(), rows, all.truncation(), 1);
  }

  private StreamedContent download(String body, String type, String extension) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return DefaultStreamedContent.builder()
        .name("query-result-" + entity + "-" + database + "." + extension)
        .contentType(type + ";charset=UTF-8")
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  public void updatePublicLevel() {
    boolean goesPublic =
        "no-access".equals(details.publicSharingLevel()) && !"no-access".equals(publicLevel);
    if (goesPublic && !database.equals(confirmName == null ? "" : confirmName.strip())) {
      Pages.fieldError(
          "tabs:sharing:confirm-name",
          "Type the database's name, " + database + ", to make it visible to everyone.");
      publicLevel = details.publicSharingLevel();
      return;
    }
    confirmName = null;
    manage(
        caller ->
            databases.update(
                caller,
                entity,
                database,
                Requested.parse(publicLevel, PublicSharingLevel::fromWord)),
        "Public sharing level updated",
        "Public access is now " + levelName(publicLevel) + ".");
  }

  public void share() {
    String who = grantee == null ? "" : grantee.strip().toLowerCase(Locale.ROOT);
    if (who.isEmpty()) {
      Pages.error("Missing username", "Please enter a username to share with.");
      return;
    }
    if (manage(
        caller -> grant(caller, who, Requested.parse(granteeLevel, EntitySharingLevel::fromWord)),
        "Access updated",
        "Database access updated for user '" + who + "'.")) {
      grantee = null;
    }
  }

  /** Removes the selected grantee's access (the confirmation dialog's button). */
  public void revoke() {
    String who = selectedGrantee;
    manage(
        caller -> grant(caller, who, Requested.of(EntitySharingLevel.NO_ACCESS)),
        "Access removed",
        "'" + who + "' no longer has access to this database.");
  }

  /** Sets (or, with no-access, removes) {@code who}'s grant; null {@code who} is refused. */
  private void grant(Caller caller, String who, Requested<EntitySharingLevel> level) {
    sharing.share(caller, entity, database, Requested.parse(who, Function.identity()), level);
  }

  private boolean manage(Consumer<Caller> change, String done, String detail) {
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      Pages.redirect("/log_in?next=" + getPath());
      return false;
    }
    try {
      change.accept(caller.get());
      Pages.info(done, detail);
      details = databases.details(caller, entity, database);
      publicLevel = details.publicSharingLevel();
      loadGrants();
      return true;
    } catch (AybException refused) {
      Pages.error("Could not update sharing", refused);
      return false;
    }
  }

  private void loadGrants() {
    grants = List.of();
    Optional<Caller> caller = visitor.caller();
    if (details != null && details.canManageDatabase() && caller.isPresent()) {
      try {
        grants = sharing.permissions(caller.get(), entity, database);
      } catch (AybException refused) {
        Pages.error("Could not load permissions", refused);
      }
    }
    roles.clear();
    grants.forEach(grant -> roles.put(grant.entitySlug(), grant.sharingLevel()));
  }

  /** Usernames for the sharing form's completion (managers only; slugs, a short list). */
  public List<String> suggestGrantees(String prefix) {
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      return List.of();
    }
    suggestionNote = null;
    try {
      return sharing.suggestGrantees(caller.get(), entity, database, prefix);
    } catch (AybException refused) {
      // The completion list says why it is empty (a limit, most likely).
      suggestionNote = Pages.describe(refused);
      return List.of();
    }
  }

  /** Why the last username look-up gave no names when it was refused (a limit), else null. */
  public String getSuggestionNote() {
    return suggestionNote;
  }

  /** Applies the role chosen in a collaborator's select (read-only, read-write or manager). */
  public void changeRole(String who) {
    String level = roles.get(who);
    if (!List.of("read-only", "read-write", "manager").contains(level)) {
      Pages.error("Unknown role", "Choose read-only, read-write or manager.");
      loadGrants();
      return;
    }
    manage(
        caller -> grant(caller, who, Requested.of(EntitySharingLevel.fromWord(level))),
        "Access updated",
        "'" + who + "' now has " + level + " access.");
  }

  public Map<String, String> getRoles() {
    return roles;
  }

  /** Reloads the snapshot list (managers only); an unreachable or absent store is shown. */
  public void loadSnapshots() {
    snapshots = List.of();
    snapshotsError = null;
    Optional<Caller> caller = visitor.caller();
    if (details == null || !details.canManageDatabase() || caller.isEmpty()) {
      return;
    }
    try {
      snapshots = snapshotService.list(caller.get(), entity, database);
    } catch (AybException refused) {
      snapshotsOff = refused.type() == ErrorType.SnapshotError;
      snapshotsError = snapshotsOff ? null : Pages.describe(refused);
    }
  }

  /** Restores the selected snapshot (the confirmation dialog's button). */
  public void restoreSnapshot() {
    Optional<Caller> caller = visitor.caller();
    if (caller.isEmpty()) {
      Pages.redirect("/log_in?next=" + getPath());
      return;
    }
    String id = selectedSnapshot == null ? "" : selectedSnapshot.strip();
    try {
      snapshotService.restore(caller.get(), entity, database, id);
      Pages.info("Restored", "Database successfully restored from snapshot '" + id + "'.");
      clearResult();
    } catch (AybException refused) {
      Pages.error("Error restoring snapshot", refused);
    }
    loadSnapshots();
  }

  public List<Snapshot> getSnapshots() {
    return snapshots;
  }

  /** Whether this server takes no snapshots (no {@code [snapshots]} configuration). */
  public boolean isSnapshotsOff() {
    return snapshotsOff;
  }

  public String getSnapshotsError() {
    return snapshotsError;
  }

  public String getSelectedSnapshot() {
    return selectedSnapshot;
  }

  public void setSelectedSnapshot(String selectedSnapshot) {
    this.selectedSnapshot = selectedSnapshot;
  }

  /** The selected snapshot's id shortened for the dialog: its first ten characters. */
  public String getSelectedSnapshotShort() {
    return selectedSnapshot == null || selectedSnapshot.length() <= 10
        ? selectedSnapshot
        : selectedSnapshot.substring(0, 10) + "...";
  }

  /** ayb's snapshot time format: {@code %Y-%m-%d %H:%M:%S UTC}. */
  public String when(Snapshot snapshot) {
    return SNAPSHOT_TIME.format(snapshot.lastModified()) + " UTC";
  }

  public static String levelName(String level) {
    return switch (level == null ? "" : level) {
      case "no-access" -> "private";
      case "fork" -> "forkable";
      case "read-only" -> "read-only";
      case "read-write" -> "read-write";
      case "manager" -> "manager";
      default -> level;
    };
  }

  public boolean isFound() {
    return details != null;
  }

  public DatabaseDetails getDetails() {
    return details;
  }

  public String getEntity() {
    return entity;
  }

  public String getDatabase() {
    return database;
  }

  public String getPath() {
    return "/" + Pages.segment(entity) + "/" + Pages.segment(database);
  }

  public boolean isCanQuery() {
    return details != null && details.highestQueryAccessLevel().isPresent();
  }

  /** The database this one was forked from ({@code entity/database}), or null. */
  public String getForkedFrom() {
    return details == null ? null : details.forkedFrom().orElse(null);
  }

  public boolean isCanManage() {
    return details != null && details.canManageDatabase();
  }

  /** The visitor's role, as the badge names it: Owner, Manager, Read-write, Read-only. */
  public String getRole() {
    if (details == null) {
      return "No access";
    }
    if (visitor.is(details.entitySlug())) {
      return "Owner";
    }
    if (details.canManageDatabase()) {
      return "Manager";
    }
    return switch (getAccess()) {
      case "read-write" -> "Read-write";
      case "read-only" -> "Read-only";
      default -> "No query access";
    };
  }

  /** How the visitor may query: read-write, read-only or none. */
  public String getAccess() {
    if (details == null || details.highestQueryAccessLevel().isEmpty()) {
      return "none";
    }
    return details.highestQueryAccessLevel().get() == QueryPermissionLevel.READ_WRITE
        ? "read-write"
        : "read-only";
  }

  public String getSql() {
    return sql;
  }

  public void setSql(String sql) {
    this.sql = sql;
  }

  public String getSelection() {
    return selection;
  }

  public void setSelection(String selection) {
    this.selection = selection;
  }

  /** Whether a result (rows, or a statement's outcome) is on screen. */
  public boolean isHasResult() {
    return rowSummary != null;
  }

  public GridQuery getGrid() {
    return grid;
  }

  public String getTable() {
    return table;
  }

  public List<String> getFields() {
    return fields;
  }

  public List<List<GridCell>> getPageRows() {
    return pageRows;
  }

  public boolean isHasNextPage() {
    return hasNextPage;
  }

  public boolean isHasPreviousPage() {
    return grid != null && grid.getPage() > 0;
  }

  /** {@code ascending}, {@code descending} or {@code none}, for a header's {@code aria-sort}. */
  public String sortState(int column) {
    if (grid == null || !fields.get(column).equals(grid.getSortColumn())) {
      return "none";
    }
    return grid.isDescending() ? "descending" : "ascending";
  }

  public String getRowSummary() {
    return rowSummary;
  }

  public List<GridFilter.Operator> getFilterOperators() {
    return List.of(GridFilter.Operator.values());
  }

  public String getFilterColumn() {
    return filterColumn;
  }

  public void setFilterColumn(String filterColumn) {
    this.filterColumn = filterColumn;
  }

  public String getFilterOperator() {
    return filterOperator;
  }

  public void setFilterOperator(String filterOperator) {
    this.filterOperator = filterOperator;
  }

  public String getFilterValue() {
    return filterValue;
  }

  public void setFilterValue(String filterValue) {
    this.filterValue = filterValue;
  }

  public List<SchemaTable> getSchema() {
    return schema;
  }

  public String getSchemaError() {
    return schemaError;
  }

  /** The address of a table's view. */
  public String tableLink(String name) {
    return getPath() + "/" + Pages.segment(name);
  }

  public long getElapsedMillis() {
    return elapsedMillis;
  }

  public String getQueryError() {
    return queryError;
  }

  public String getQueryErrorTitle() {
    return queryErrorTitle;
  }

  public String getPublicLevel() {
    return publicLevel;
  }

  public void setPublicLevel(String publicLevel) {
    this.publicLevel = publicLevel;
  }

  public String getConfirmName() {
    return confirmName;
  }

  public void setConfirmName(String confirmName) {
    this.confirmName = confirmName;
  }

  public String getGrantee() {
    return grantee;
  }

  public void setGrantee(String grantee) {
    this.grantee = grantee;
  }

  public String getGranteeLevel() {
    return granteeLevel;
  }

  public void setGranteeLevel(String granteeLevel) {
    this.granteeLevel = granteeLevel;
  }

  public String getSelectedGrantee() {
    return selectedGrantee;
  }

  public void setSelectedGrantee(String selectedGrantee) {
    this.selectedGrantee = selectedGrantee;
  }

  public List<DatabaseGrant> getGrants() {
    return grants;
  }
}
