package org.aybdb.interfaces.database.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.BothMetadataStores;
import org.aybdb.interfaces.rest.OAuthFlow;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every database endpoint × every kind of caller over the deployed application, table-driven. The
 * table {@link #EXPECTED} says, per cell, the status and either the error {@code type}, or for
 * details the access reported ({@code RW+M} read-write and manage, {@code RW}, {@code RO}, {@code
 * -} none), or for the entity page whether the database is {@code listed} or {@code hidden}. The
 * test runs every cell, prints the matrix with PASS/FAIL per cell and fails if any cell failed.
 *
 * <p>Rows named "app of" use API tokens an app got through OAuth (scoped to {@code
 * no-access.sqlite} at the level named): they query only that database, at most at their level, and
 * create, manage, share and change profiles never.
 *
 * <p>Export is refused with 404 to whoever may not query (nothing is revealed); import is tried
 * with a text file, so those allowed get its 400; fork goes to the caller's own entity.
 *
 * <p>To add an operation (say snapshot list/restore): add a column to {@link #EXPECTED} and an
 * entry to {@link #operations()} with the same column name.
 */
@BothMetadataStores
class AuthorizationMatrixIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  /**
   * Rows: caller kinds (the database they act on in brackets). Columns: operation classes. The
   * share operation always names its grantee in upper case (entity names are case-insensitive).
   */
  static final String EXPECTED =
      """
      caller                      | read query | write query        | details | list       | update    | share     | permissions | list snapshots | restore snapshot | create | profile update | export | import | fork
      owner [no-access]           | 200        | 200                | 200 RW+M | 200 listed | 200       | 204       | 200 | 200 | 404 SnapshotDoesNotExistError | 201 | 200 | 200 | 400 Other | 201
      owner, upper-case path [no-access] | 200 | 200                | 200 RW+M | 200 listed | 200       | 204       | 200 | 200 | 404 SnapshotDoesNotExistError | 201 | 200 | 200 | 400 Other | 201
      manager [no-access]         | 200        | 200                | 200 RW+M | 200 listed | 200       | 204       | 200 | 200 | 404 SnapshotDoesNotExistError | 403 Other | 403 Other | 200 | 400 Other | 201
      read-write grantee [no-access] | 200     | 200                | 200 RW  | 200 listed | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 200 | 403 Other | 201
      read-only grantee [no-access] | 200      | 403 NoWriteAccessError | 200 RO | 200 listed | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 200 | 403 Other | 201
      stranger [no-access]        | 404 RecordNotFound | 404 RecordNotFound | 404 RecordNotFound | 200 hidden | 404 RecordNotFound | 404 RecordNotFound | 404 RecordNotFound | 404 RecordNotFound | 404 RecordNotFound | 403 Other | 403 Other | 404 RecordNotFound | 404 RecordNotFound | 404 RecordNotFound
      stranger [fork]             | 403 Other  | 403 Other          | 200 -   | 200 listed | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 404 RecordNotFound | 403 Other | 201
      stranger [read-only]        | 200        | 403 NoWriteAccessError | 200 RO | 200 listed | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 200 | 403 Other | 201
      read-write grantee [read-only] | 200     | 200                | 200 RW  | 200 listed | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 200 | 403 Other | 201
      anonymous [no-access]       | 401 Unauthorized | 401 Unauthorized | 404 RecordNotFound | 200 hidden | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 404 RecordNotFound | 401 Unauthorized | 401 Unauthorized
      anonymous [fork]            | 401 Unauthorized | 401 Unauthorized | 200 - | 200 listed | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 404 RecordNotFound | 401 Unauthorized | 401 Unauthorized
      anonymous [read-only]       | 200        | 403 NoWriteAccessError | 200 RO | 200 listed | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 401 Unauthorized | 200 | 401 Unauthorized | 401 Unauthorized
      malformed token [no-access] | 401 Other  | 401 Other          | 401 Other | 401 Other | 401 Other | 401 Other | 401 Other | 401 Other | 401 Other | 401 Other | 401 Other | 401 Other | 401 Other | 401 Other
      revoked owner token [no-access] | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken | 401 InvalidToken
      read-only app of the owner [no-access] | 200 | 403 NoWriteAccessError | 200 RW | 200 listed | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 200 | 403 Other | 403 Other
      read-write app of the owner [no-access] | 200 | 200           | 200 RW | 200 listed | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 200 | 403 Other | 403 Other
      read-write app of the owner [fork] | 403 Other | 403 Other     | 200 RW | 200 listed | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 404 RecordNotFound | 403 Other | 403 Other
      read-write app of the owner [read-only] | 403 Other | 403 Other | 200 RW | 200 listed | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 404 RecordNotFound | 403 Other | 403 Other
      read-only app of the read-write grantee [no-access] | 200 | 403 NoWriteAccessError | 200 RW | 200 listed | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 403 Other | 200 | 403 Other | 403 Other
      """;

  @ServerUrl URL base;

  /** Who calls, on which database, how the path names the owner. */
  record Cell(
      String authorization,
      String entityInPath,
      String database,
      Fixture fixture,
      String callerEntity) {
    String path() {
      return "/v1/" + entityInPath + "/" + database;
    }
  }

  /** One operation class: a request for a cell. */
  @FunctionalInterface
  interface Operation {
    HttpResponse<String> run(DatabaseCalls calls, Cell cell) throws Exception;
  }

  /** The accounts and databases the matrix runs on. */
  record Fixture(
      String ownerReadOnlyApp,
      String ownerReadWriteApp,
      String granteeReadOnlyApp,
      Account owner,
      Account manager,
      Account readWrite,
      Account readOnly,
      Account stranger,
      Account bystander,
      Account revokedOwner,
      Map<String, String> levelOf) {}

  static Map<String, Operation> operations() {
    Map<String, Operation> operations = new LinkedHashMap<>();
    operations.put(
        "read query",
        (calls, cell) -> calls.query(cell.authorization(), cell.path(), "SELECT count(*) FROM t"));
    operations.put(
        "write query",
        (calls, cell) ->
            calls.query(cell.authorization(), cell.path(), "INSERT INTO t VALUES (2)"));
    operations.put("details", (calls, cell) -> calls.details(cell.authorization(), cell.path()));
    operations.put(
        "list", (calls, cell) -> calls.entityPage(cell.authorization(), cell.entityInPath()));
    operations.put(
        "update",
        // Sets the level it already has: the cell stays repeatable and the table stays true.
        (calls, cell) ->
            calls.update(
                cell.authorization(), cell.path(), cell.fixture().levelOf().get(cell.database())));
    operations.put(
        "share",
        (calls, cell) ->
            calls.share(
                cell.authorization(),
                cell.path(),
                cell.fixture().bystander().entity().toUpperCase(Locale.ROOT),
                "read-only"));
    operations.put(
        "permissions", (calls, cell) -> calls.permissions(cell.authorization(), cell.path()));
    operations.put(
        "list snapshots", (calls, cell) -> calls.listSnapshots(cell.authorization(), cell.path()));
    operations.put(
        "restore snapshot",
        // A well-formed id that no snapshot has: the cell never changes the database.
        (calls, cell) -> calls.restoreSnapshot(cell.authorization(), cell.path(), "0".repeat(64)));
    operations.put(
        "create",
        // A new name each time: the owner's cells create, everybody else's are refused.
        (calls, cell) ->
            calls.create(
                cell.authorization(),
                "/v1/" + cell.entityInPath() + "/new-" + UUID.randomUUID() + ".sqlite",
                "sqlite",
                "no-access"));
    operations.put(
        "profile update",
        (calls, cell) ->
            calls.updateProfile(
                cell.authorization(), cell.entityInPath(), "{\"location\":\"Matrix\"}"));
    operations.put(
        "export",
        (calls, cell) ->
            calls
                .api()
                .send(calls.authorized(cell.path() + "/export", cell.authorization()).GET()));
    operations.put(
        "import",
        // A text file: whoever may import gets past the permission check to the file's own 400,
        // so the cell never changes the database.
        (calls, cell) -> {
          String boundary = "matrix-" + UUID.randomUUID();
          String body =
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"database\";"
                  + " filename=\"t.txt\"\r\n\r\n"
                  + "not a database\n".repeat(64)
                  + "\r\n--"
                  + boundary
                  + "--\r\n";
          return calls
              .api()
              .send(
                  calls
                      .authorized(cell.path() + "/import", cell.authorization())
                      .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                      .POST(BodyPublishers.ofString(body)));
        });
    operations.put(
        "fork",
        // Into the caller's own entity, a new name each time.
        (calls, cell) ->
            calls
                .api()
                .send(
                    calls
                        .authorized(cell.path() + "/fork", cell.authorization())
                        .header(
                            "fork-to",
                            (cell.callerEntity() == null ? "nobody" : cell.callerEntity())
                                + "/fork-"
                                + UUID.randomUUID()
                                + ".sqlite")
                        .POST(BodyPublishers.noBody())));
    return operations;
  }

  @Test
  void everyEndpointForEveryCaller() throws Exception {
    ApiClient api = new ApiClient(base);
    DatabaseCalls calls = new DatabaseCalls(api);
    Fixture fixture = fixture(base, api, calls);
    Map<String, Operation> operations = operations();

    List<String> lines = EXPECTED.strip().lines().toList();
    List<String> columns = cells(lines.get(0));
    assertEquals(List.copyOf(operations.keySet()), columns.subList(1, columns.size()));
    List<List<String>> printed = new ArrayList<>();
    List<String> header = new ArrayList<>(columns);
    printed.add(header);
    List<String> failures = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> row = cells(line);
      String caller = row.get(0);
      Cell cell = cell(caller, fixture);
      List<String> out = new ArrayList<>();
      out.add(caller);
      for (int i = 1; i < columns.size(); i++) {
        String operation = columns.get(i);
        String expected = row.get(i);
        HttpResponse<String> response = operations.get(operation).run(calls, cell);
        String actual = describe(operation, response, cell);
        boolean pass = actual.equals(expected);
        out.add((pass ? "PASS " : "FAIL ") + expected + (pass ? "" : " (got " + actual + ")"));
        if (!pass) {
          failures.add(
              caller
                  + " × "
                  + operation
                  + ": expected "
                  + expected
                  + ", got "
                  + actual
                  + " "
                  + response.body());
        }
      }
      printed.add(out);
    }
    System.out.println(render(printed));
    if (!failures.isEmpty()) {
      fail(failures.size() + " cells failed:\n" + String.join("\n", failures));
    }
  }

  /** The accounts, three databases (one per public level) with a table, and the grants. */
  private static Fixture fixture(URL base, ApiClient api, DatabaseCalls calls) throws Exception {
    TestAccounts accounts = new TestAccounts(api);
    Account owner = accounts.register("mx-owner");
    Account revokedOwner = owner;
    owner = accounts.logIn(owner);
    accounts.revoke(revokedOwner);
    Account manager = accounts.register("mx-manager");
    Account readWrite = accounts.register("mx-rw");
    Account readOnly = accounts.register("mx-ro");
    Account stranger = accounts.register("mx-stranger");
    Account bystander = accounts.register("mx-bystander");
    Map<String, String> levelOf = new LinkedHashMap<>();
    // Setup steps that fail (when a rule is broken on purpose) are reported, not fatal: the
    // matrix still runs and shows which cells that costs.
    List<String> problems = new ArrayList<>();
    for (String level : List.of("no-access", "fork", "read-only")) {
      String database = level + ".sqlite";
      levelOf.put(database, level);
      String path = "/v1/" + owner.entity() + "/" + database;
      expect(problems, 201, calls.create(owner.bearer(), path, "sqlite", level));
      expect(
          problems,
          200,
          calls.query(owner.bearer(), path, "CREATE TABLE t(x); INSERT INTO t VALUES (1)"));
    }
    String hidden = "/v1/" + owner.entity() + "/no-access.sqlite";
    expect(problems, 204, calls.share(owner.bearer(), hidden, manager.entity(), "manager"));
    expect(problems, 204, calls.share(owner.bearer(), hidden, readWrite.entity(), "read-write"));
    expect(problems, 204, calls.share(owner.bearer(), hidden, readOnly.entity(), "read-only"));
    expect(
        problems,
        204,
        calls.share(
            owner.bearer(),
            "/v1/" + owner.entity() + "/read-only.sqlite",
            readWrite.entity(),
            "read-write"));
    // Scoped tokens, each through the consent page and the token endpoint, as an app gets them.
    OAuthFlow ownerApps = new OAuthFlow(base).logIn(accounts, owner.entity());
    String ownerReadOnlyApp =
        ownerApps.scopedToken(owner.entity() + "/no-access.sqlite", "read-only");
    String ownerReadWriteApp =
        ownerApps.scopedToken(owner.entity() + "/no-access.sqlite", "read-write");
    String granteeReadOnlyApp =
        new OAuthFlow(base)
            .logIn(accounts, readWrite.entity())
            .scopedToken(owner.entity() + "/no-access.sqlite", "read-only");
    if (!problems.isEmpty()) {
      System.out.println("Matrix setup steps that failed:\n" + String.join("\n", problems));
    }
    return new Fixture(
        "Bearer " + ownerReadOnlyApp,
        "Bearer " + ownerReadWriteApp,
        "Bearer " + granteeReadOnlyApp,
        owner,
        manager,
        readWrite,
        readOnly,
        stranger,
        bystander,
        revokedOwner,
        levelOf);
  }

  private static void expect(List<String> problems, int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      problems.add(
          response.request().method()
              + " "
              + response.request().uri().getPath()
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
  }

  /** The caller and database of a row, from its name. */
  private static Cell cell(String caller, Fixture fixture) {
    String level = caller.substring(caller.indexOf('[') + 1, caller.indexOf(']'));
    String who = caller.substring(0, caller.indexOf('[')).strip();
    String owner = fixture.owner().entity();
    String authorization =
        switch (who) {
          case "owner", "owner, upper-case path" -> fixture.owner().bearer();
          case "manager" -> fixture.manager().bearer();
          case "read-write grantee" -> fixture.readWrite().bearer();
          case "read-only grantee" -> fixture.readOnly().bearer();
          case "stranger" -> fixture.stranger().bearer();
          case "anonymous" -> null;
          case "malformed token" -> "Bearer not-an-ayb-token";
          case "revoked owner token" -> fixture.revokedOwner().bearer();
          case "read-only app of the owner" -> fixture.ownerReadOnlyApp();
          case "read-write app of the owner" -> fixture.ownerReadWriteApp();
          case "read-only app of the read-write grantee" -> fixture.granteeReadOnlyApp();
          default -> throw new IllegalArgumentException("Unknown caller kind: " + who);
        };
    String callerEntity =
        switch (who) {
          case "manager" -> fixture.manager().entity();
          case "read-write grantee", "read-only app of the read-write grantee" ->
              fixture.readWrite().entity();
          case "read-only grantee" -> fixture.readOnly().entity();
          case "stranger" -> fixture.stranger().entity();
          case "anonymous", "malformed token" -> null;
          default -> owner;
        };
    String entityInPath = who.contains("upper-case") ? owner.toUpperCase(Locale.ROOT) : owner;
    return new Cell(authorization, entityInPath, level + ".sqlite", fixture, callerEntity);
  }

  /** What a response says, in the table's terms. */
  private static String describe(String operation, HttpResponse<String> response, Cell cell) {
    int status = response.statusCode();
    JsonObject body = parse(response.body());
    if (status >= 400) {
      return status
          + " "
          + (body == null ? "(no JSON: " + response.body() + ")" : body.getString("type", "?"));
    }
    if (operation.equals("details") && body != null) {
      JsonValue level = body.get("highest_query_access_level");
      String access =
          level instanceof JsonString text
              ? (text.getString().equals("ReadWrite") ? "RW" : "RO")
              : "-";
      return status + " " + access + (body.getBoolean("can_manage_database", false) ? "+M" : "");
    }
    if (operation.equals("list") && body != null) {
      boolean listed =
          body.getJsonArray("databases").getValuesAs(JsonObject.class).stream()
              .anyMatch(database -> database.getString("slug").equals(cell.database()));
      return status + " " + (listed ? "listed" : "hidden");
    }
    return Integer.toString(status);
  }

  private static JsonObject parse(String body) {
    try {
      return Json.createReader(new StringReader(body)).readObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static List<String> cells(String line) {
    return List.of(line.split("\\|")).stream().map(String::strip).toList();
  }

  private static String render(List<List<String>> rows) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder("\nAuthorization matrix\n");
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        out.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", row.get(i)));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
