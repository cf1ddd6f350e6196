package org.aybdb.interfaces.database.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.aybdb.application.AybException;
import org.aybdb.application.Caller;
import org.aybdb.application.DatabaseDetails;
import org.aybdb.application.DatabaseGrant;
import org.aybdb.application.DatabaseService;
import org.aybdb.application.ErrorType;
import org.aybdb.application.SharingService;
import org.aybdb.application.SnapshotService;
import org.aybdb.application.engine.QueryResult;
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

  private String entity;
  private String database;
  private DatabaseDetails details;

  private String sql;
  private QueryResult result;
  private String queryError;
  private String queryErrorTitle;
  private long elapsedMillis;

  private String publicLevel;
  private String grantee;
  private String granteeLevel = "read-only";
  private String selectedGrantee;
  private List<DatabaseGrant> grants = List.of();

  private List<Snapshot> snapshots = List.of();
  private String snapshotsError;
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
  }

  /** Runs the editor's SQL; a refusal or SQLite's error is shown under the editor. */
  public void run() {
    if (details == null) {
      return;
    }
    result = null;
    queryError = null;
    if (sql == null || sql.isBlank()) {
      queryErrorTitle = "Nothing to run";
      queryError = "Type a query first.";
      return;
    }
    long start = System.nanoTime();
    try {
      result = databases.query(visitor.caller(), entity, database, sql);
    } catch (AybException refused) {
      queryErrorTitle = title(refused.type());
      queryError = Pages.describe(refused);
    } finally {
      elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    }
  }

  private static String title(ErrorType type) {
    return switch (type) {
      case QueryError -> "Query error";
      case NoWriteAccessError -> "No write access";
      case Unauthorized -> "Log in required";
      default -> "Error running query";
    };
  }

  public StreamedContent getCsv() {
    return download(ResultFiles.csv(result), "text/csv", "csv");
  }

  public StreamedContent getJson() {
    return download(ResultFiles.json(result), "application/json", "json");
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
    manage(
        caller -> databases.update(caller, entity, database, publicLevel),
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
        caller -> sharing.share(caller, entity, database, who, granteeLevel),
        "Access updated",
        "Database access updated for user '" + who + "'.")) {
      grantee = null;
    }
  }

  /** Removes the selected grantee's access (the confirmation dialog's button). */
  public void revoke() {
    String who = selectedGrantee;
    manage(
        caller -> sharing.share(caller, entity, database, who, "no-access"),
        "Access removed",
        "'" + who + "' no longer has access to this database.");
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
      snapshotsError = Pages.describe(refused);
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
      result = null;
      queryError = null;
    } catch (AybException refused) {
      Pages.error("Error restoring snapshot", refused);
    }
    loadSnapshots();
  }

  public List<Snapshot> getSnapshots() {
    return snapshots;
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

  public boolean isCanManage() {
    return details != null && details.canManageDatabase();
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

  public QueryResult getResult() {
    return result;
  }

  /** The result's column numbers, for the table's dynamic columns. */
  public List<Integer> getColumns() {
    return result == null ? List.of() : IntStream.range(0, result.fields().size()).boxed().toList();
  }

  public String getRowSummary() {
    if (result == null) {
      return "";
    }
    int rows = result.rows().size();
    String summary =
        rows == 0
            ? "Query executed successfully. No results returned."
            : rows + (rows == 1 ? " row" : " rows");
    if (result.truncation() != QueryResult.Truncation.NONE) {
      summary += " (truncated: the result was larger than this server returns)";
    }
    return summary;
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
