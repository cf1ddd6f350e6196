package org.aybdb.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aybdb.cli.CommandRun;
import org.aybdb.cli.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wire-format tests: each subcommand against {@link FakeAybServer}, which replays the JSON shapes
 * of ayb's endpoints, as ayb answers them. They pin what is sent (method, path, headers, body) and
 * what is printed, byte for byte. They stand in for no real-server test: ClientCommandIT runs the
 * subcommands whose endpoints our server has against the real thing.
 */
class ClientWireFormatTest {

  private static final String TOKEN = "ayb_short_secret";

  @TempDir Path folder;

  private FakeAybServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeAybServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** {@code ayb client --url <fake> args...} with an API token. */
  private CommandRun client(String... args) {
    return run(TOKEN, server.url(), args);
  }

  /** {@code ayb client --url <url> args...}, with {@code token} unless it is null. */
  private CommandRun run(String token, String url, String... args) {
    Map<String, String> environment =
        new HashMap<>(Map.of("AYB_CLIENT_CONFIG_FILE", folder.resolve("ayb.json").toString()));
    if (token != null) {
      environment.put("AYB_API_TOKEN", token);
    }
    List<String> all = new ArrayList<>(List.of("client", "--url", url));
    all.addAll(List.of(args));
    return CommandRun.run(environment, all.toArray(String[]::new));
  }

  private static void assertOk(String out, CommandRun run) {
    assertEquals("", run.err());
    assertEquals(out, run.out());
    assertEquals(ExitCodes.OK, run.status());
  }

  private static void assertUsageError(String line, CommandRun run) {
    assertEquals(line, run.err());
    assertEquals("", run.out());
    assertEquals(ExitCodes.USAGE, run.status());
  }

  private static void assertError(String message, CommandRun run) {
    assertEquals("Error: " + message + "\n", run.err());
    assertEquals("", run.out());
    assertEquals(ExitCodes.ERROR, run.status());
  }

  // ---- create_database ---------------------------------------------------------------------

  @Test
  void createDatabaseSendsTypeAndPublicSharingLevel() {
    server.answer(
        "POST",
        "/v1/e/d.sqlite/create",
        201,
        "{\"entity\":\"e\",\"database\":\"d.sqlite\",\"database_type\":\"sqlite\"}");

    assertOk("Successfully created e/d.sqlite\n", client("create_database", "e/d.sqlite"));
    FakeAybServer.Request request = server.lastRequest();
    assertEquals("POST", request.method());
    assertEquals("sqlite", request.header("db-type"));
    assertEquals("no-access", request.header("public-sharing-level"));
    assertEquals("Bearer " + TOKEN, request.header("authorization"));

    assertOk(
        "Successfully created e/d.sqlite\n",
        client("create_database", "e/d.sqlite", "duckdb", "read-only"));
    assertEquals("duckdb", server.lastRequest().header("db-type"));
    assertEquals("read-only", server.lastRequest().header("public-sharing-level"));
  }

  @Test
  void createDatabaseErrors() {
    server.answer(
        "POST",
        "/v1/e/d.sqlite/create",
        409,
        "{\"type\":\"Other\",\"message\":\"Database already exists\"}");
    server.answer(
        "POST",
        "/v1/e/bad!/create",
        400,
        "{\"type\":\"InvalidSlug\",\"message\":\"Invalid database slug: bad!. Only letters, numbers,"
            + " underscores, hyphens, and periods are allowed\"}");

    assertError("Database already exists", client("create_database", "e/d.sqlite"));
    assertError(
        "Invalid database slug: bad!. Only letters, numbers, underscores, hyphens, and periods are"
            + " allowed",
        client("create_database", "e/bad!"));
  }

  @Test
  void createDatabaseRefusesAnUnknownTypeBeforeAnyRequest() {
    assertUsageError(
        "Error: Invalid value for positional parameter at index 1 (<type>): 'mysql' is not one of:"
            + " sqlite, duckdb (see 'ayb client create_database --help')\n",
        client("create_database", "e/d", "mysql"));
    assertTrue(server.requests().isEmpty());
  }

  // ---- query -------------------------------------------------------------------------------

  private static final String ROWS =
      "{\"fields\":[\"fname\",\"lname\"],\"rows\":[[\"the first\",\"the last\"],[\"the first2\",null]]}";

  @Test
  void queryPrintsATableThenTheRowCount() {
    server.answer("POST", "/v1/e/d.sqlite/query", 200, ROWS);

    assertOk(
        " fname      | lname \n"
            + "------------+----------\n"
            + " the first  | the last \n"
            + " the first2 | NULL \n"
            + "\n"
            + "Rows: 2\n",
        client("query", "e/d.sqlite", "SELECT fname, lname FROM t"));
    FakeAybServer.Request request = server.lastRequest();
    assertEquals("SELECT fname, lname FROM t", request.body());
    assertEquals("Bearer " + TOKEN, request.header("authorization"));
  }

  @Test
  void queryCsvAndJson() {
    server.answer("POST", "/v1/e/d.sqlite/query", 200, ROWS);

    assertOk(
        "fname,lname\nthe first,the last\nthe first2,NULL\n\nRows: 2\n",
        client("query", "e/d.sqlite", "SELECT 1", "--format", "csv"));
    assertOk(ROWS + "\n", client("query", "--format=json", "e/d.sqlite", "SELECT 1"));
  }

  @Test
  void queryWithoutRowsPrintsOnlyTheCount() {
    server.answer("POST", "/v1/e/d.sqlite/query", 200, "{\"fields\":[\"a\"],\"rows\":[]}");

    assertOk("\nRows: 0\n", client("query", "e/d.sqlite", "SELECT a FROM t WHERE 0"));
    assertOk(
        "\nRows: 0\n", client("query", "e/d.sqlite", "SELECT a FROM t WHERE 0", "--format", "csv"));
  }

  @Test
  void queryErrors() {
    server.answer(
        "POST",
        "/v1/e/d.sqlite/query",
        403,
        "{\"type\":\"NoWriteAccessError\",\"message\":\"Attempted to write to database while in"
            + " read-only mode\"}");
    server.answer(
        "POST",
        "/v1/e/q.sqlite/query",
        400,
        "{\"type\":\"QueryError\",\"message\":\"Invalid response: \"}");
    server.answer(
        "POST",
        "/v1/e/x.sqlite/query",
        404,
        "{\"type\":\"RecordNotFound\",\"id\":\"e/x.sqlite\",\"record_type\":\"database\"}");

    assertError(
        "Attempted to write to database while in read-only mode",
        client("query", "e/d.sqlite", "INSERT INTO t VALUES (1)"));
    assertError(
        "QueryError { message: \"Invalid response: \" }",
        client("query", "e/q.sqlite", "SELECT 1"));
    assertError(
        "RecordNotFound { id: \"e/x.sqlite\", record_type: \"database\" }",
        client("query", "e/x.sqlite", "SELECT 1"));
  }

  @Test
  void aDatabaseArgumentMustBeEntitySlashDatabase() {
    assertUsageError(
        "Error: Invalid value for positional parameter at index 0 (<database>): Argument must be"
            + " formatted as 'entity/database' (see 'ayb client query --help')\n",
        client("query", "nodatabase", "SELECT 1"));
  }

  @Test
  void theDatabaseArgumentSplitsAtTheLastSlashAndIsPercentEncoded() {
    server.answer("POST", "/v1/a%2Fb/c%20d/query", 200, "{\"fields\":[],\"rows\":[]}");

    CommandRun spaced = client("query", "a/b/c d", "SELECT 1");
    assertEquals(ExitCodes.USAGE, spaced.status()); // \S+ never matches a space

    server.answer("POST", "/v1/a%2Fb/c%C3%A9/query", 200, "{\"fields\":[],\"rows\":[]}");
    assertOk("\nRows: 0\n", client("query", "a/b/cé", "SELECT 1"));
  }

  // ---- database_details ----------------------------------------------------------------------

  @Test
  void databaseDetailsForAManagerAndForTheAnonymous() {
    server.answer(
        "GET",
        "/v1/e/d.sqlite/details",
        200,
        "{\"entity_slug\":\"e\",\"database_slug\":\"d.sqlite\",\"database_type\":\"sqlite\","
            + "\"highest_query_access_level\":\"ReadWrite\",\"can_manage_database\":true,"
            + "\"public_sharing_level\":\"no-access\"}");
    server.answer(
        "GET",
        "/v1/e/p.duckdb/details",
        200,
        "{\"entity_slug\":\"e\",\"database_slug\":\"p.duckdb\",\"database_type\":\"duckdb\","
            + "\"highest_query_access_level\":null,\"can_manage_database\":false,"
            + "\"public_sharing_level\":\"fork\"}");

    assertOk(
        "Database: e/d.sqlite\nType: sqlite\nAccess level: ReadWrite\n"
            + "You have management permissions for this database\n",
        client("database_details", "e/d.sqlite"));
    assertOk(
        "Database: e/p.duckdb\nType: duckdb\nAccess level: No query access\n",
        client("database_details", "e/p.duckdb"));
  }

  @Test
  void databaseDetailsWithoutATokenIsAnonymous() {
    server.answer(
        "GET",
        "/v1/e/d.sqlite/details",
        401,
        "{\"type\":\"Unauthorized\",\"message\":\"Database e/d.sqlite is not accessible\"}");

    CommandRun run = run(null, server.url(), "database_details", "e/d.sqlite");

    assertError("Database e/d.sqlite is not accessible", run);
    assertNull(server.lastRequest().header("authorization"));
  }

  // ---- update_database, share, permissions ---------------------------------------------------

  @Test
  void updateDatabase() {
    server.answer("PATCH", "/v1/e/d.sqlite/update", 200, "{}");

    assertOk(
        "Database e/d.sqlite updated successfully\n",
        client("update_database", "e/d.sqlite", "--public_sharing_level", "read-only"));
    assertEquals("read-only", server.lastRequest().header("public-sharing-level"));
  }

  @Test
  void updateDatabaseNeedsTheLevel() {
    assertUsageError(
        "Error: Missing required option: '--public_sharing_level=<level>' (see 'ayb client"
            + " update_database --help')\n",
        client("update_database", "e/d.sqlite"));
  }

  @Test
  void shareAndItsErrors() {
    server.answer("POST", "/v1/e/d.sqlite/share", 204, "");

    assertOk(
        "Permissions for other on e/d.sqlite updated successfully\n",
        client("share", "e/d.sqlite", "other", "read-write"));
    assertEquals("other", server.lastRequest().header("entity-for-permission"));
    assertEquals("read-write", server.lastRequest().header("sharing-level"));

    server.answer(
        "POST",
        "/v1/e/d.sqlite/share",
        409,
        "{\"type\":\"CantSetOwnerPermissions\",\"message\":\"e owns e/d.sqlite, so their"
            + " permissions can't be changed\"}");
    assertError(
        "e owns e/d.sqlite, so their permissions can't be changed",
        client("share", "e/d.sqlite", "e", "manager"));
  }

  @Test
  void listDatabasePermissions() {
    server.answer(
        "GET",
        "/v1/e/d.sqlite/permissions",
        200,
        "{\"permissions\":[{\"entity_slug\":\"e2e-second\",\"sharing_level\":\"manager\"},"
            + "{\"entity_slug\":\"e2e-third\",\"sharing_level\":\"read-only\"}]}");
    server.answer("GET", "/v1/e/none.sqlite/permissions", 200, "{\"permissions\":[]}");

    assertOk(
        " Entity     | Sharing level \n"
            + "------------+---------------\n"
            + " e2e-second | manager \n"
            + " e2e-third  | read-only \n",
        client("list_database_permissions", "e/d.sqlite"));
    assertOk(
        "Entity,Sharing level\ne2e-second,manager\ne2e-third,read-only\n",
        client("list_database_permissions", "e/d.sqlite", "--format", "csv"));
    assertOk(
        "No shared permissions for e/none.sqlite\n",
        client("list_database_permissions", "e/none.sqlite"));
  }

  // ---- snapshots -----------------------------------------------------------------------------

  @Test
  void listSnapshotsShowsTimesAsAybDoes() {
    String id1 = "a".repeat(64);
    String id2 = "b".repeat(64);
    server.answer(
        "GET",
        "/v1/e/d.sqlite/list_snapshots",
        200,
        "{\"snapshots\":[{\"last_modified_at\":\"2024-08-18T15:05:04Z\",\"snapshot_id\":\""
            + id1
            + "\"},{\"last_modified_at\":\"2024-08-18T15:04:59.5Z\",\"snapshot_id\":\""
            + id2
            + "\"}]}");

    assertOk(
        " Name"
            + " ".repeat(61)
            + "| Last modified \n"
            + "-".repeat(66)
            + "+-------------------------------\n"
            + " "
            + id1
            + " | 2024-08-18T15:05:04+00:00 \n"
            + " "
            + id2
            + " | 2024-08-18T15:04:59.500+00:00 \n",
        client("list_snapshots", "e/d.sqlite"));
    server.answer("GET", "/v1/e/d.sqlite/list_snapshots", 200, "{\"snapshots\":[]}");
    assertOk("No snapshots for e/d.sqlite\n", client("list_snapshots", "e/d.sqlite"));
  }

  @Test
  void restoreSnapshot() {
    String id = "c".repeat(64);
    server.answer("POST", "/v1/e/d.sqlite/restore_snapshot", 200, "{}");

    assertOk(
        "Restored e/d.sqlite to snapshot " + id + "\n",
        client("restore_snapshot", "e/d.sqlite", id));
    assertEquals(id, server.lastRequest().body());

    server.answer(
        "POST", "/v1/e/d.sqlite/restore_snapshot", 404, "{\"type\":\"SnapshotDoesNotExistError\"}");
    assertError(
        "Snapshot " + id + " does not exist for e/d.sqlite",
        client("restore_snapshot", "e/d.sqlite", id));
  }

  @Test
  void forkSendsTheTargetInForkTo() {
    server.answer("POST", "/v1/e/d.sqlite/fork", 201, "{}");

    assertOk(
        "Forked e/d.sqlite to me/copy.sqlite\n", client("fork", "e/d.sqlite", "me/copy.sqlite"));
    assertEquals("me/copy.sqlite", server.lastRequest().header("fork-to"));
    assertEquals("Bearer " + TOKEN, server.lastRequest().header("authorization"));
  }

  @Test
  void importSendsTheFileAsThePartDatabase() throws Exception {
    server.answer("POST", "/v1/e/d.sqlite/import", 200, "{}");
    java.nio.file.Path file = folder.resolve("upload.sqlite");
    java.nio.file.Files.writeString(file, "SQLite format 3\0rest of the file");

    assertOk(
        "Imported " + file + " into e/d.sqlite\n", client("import", "e/d.sqlite", file.toString()));
    FakeAybServer.Request request = server.lastRequest();
    String type = request.header("content-type");
    assertTrue(type.startsWith("multipart/form-data; boundary="), type);
    String boundary = type.substring(type.indexOf('=') + 1);
    assertEquals(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"database\";"
            + " filename=\"upload.sqlite\"\r\nContent-Type: application/vnd.sqlite3\r\n\r\n"
            + "SQLite format 3\0rest of the file\r\n--"
            + boundary
            + "--\r\n",
        request.body());

    assertError(
        "Can't read " + folder.resolve("missing") + ": not a file",
        client("import", "e/d.sqlite", folder.resolve("missing").toString()));
  }

  @Test
  void aFailedExportLeavesNoFile() {
    server.answer(
        "GET",
        "/v1/e/d.sqlite/export",
        404,
        "{\"type\":\"RecordNotFound\",\"id\":\"e/d.sqlite\",\"record_type\":\"database\"}");
    java.nio.file.Path target = folder.resolve("out.sqlite");

    assertError(
        "RecordNotFound { id: \"e/d.sqlite\", record_type: \"database\" }",
        client("export", "e/d.sqlite", target.toString()));
    assertTrue(java.nio.file.Files.notExists(target));
  }

  // ---- accounts (also run against the real server in ClientCommandIT) -----------------------

  @Test
  void registerSendsAybsHeaders() {
    server.answer("POST", "/v1/register", 200, "{}");

    assertOk(
        "Check your email to finish registering Some-One\n",
        client("register", "Some-One", "some@example.org", "organization"));
    FakeAybServer.Request request = server.lastRequest();
    assertEquals("Some-One", request.header("entity"));
    assertEquals("some@example.org", request.header("email-address"));
    assertEquals("organization", request.header("entity-type"));
    assertNull(request.header("authorization"));
  }

  @Test
  void updateProfileSendsOnlyTheFieldsGiven() {
    server.answer("PATCH", "/v1/entity/e", 200, "{}");

    assertOk(
        "Successfully updated profile\n",
        client(
            "update_profile",
            "e",
            "--display_name",
            "É \"x\"",
            "--links",
            "https://a.example",
            "http://b.example/"));
    FakeAybServer.Request request = server.lastRequest();
    assertEquals("application/json", request.header("content-type"));
    assertEquals(
        "{\"display_name\":\"É \\\"x\\\"\",\"links\":\"[{\\\"url\\\":\\\"https://a.example\\\"},"
            + "{\\\"url\\\":\\\"http://b.example/\\\"}]\"}",
        request.body());

    assertOk("Successfully updated profile\n", client("update_profile", "e", "--links"));
    assertEquals("{\"links\":\"[]\"}", server.lastRequest().body());
    assertOk("Successfully updated profile\n", client("update_profile", "e", "--location", ""));
    assertEquals("{\"location\":\"\"}", server.lastRequest().body());
  }

  @Test
  void profileShowsNullsAndVerifiedLinks() {
    server.answer(
        "GET",
        "/v1/entity/e",
        200,
        "{\"slug\":\"e\",\"profile\":{\"display_name\":\"Entity 0\",\"description\":null,"
            + "\"organization\":null,\"location\":null,\"links\":[{\"url\":\"http://ayb.host/\","
            + "\"verified\":false},{\"url\":\"https://ayb2.host\",\"verified\":true}]},"
            + "\"databases\":[],\"permissions\":{\"can_create_database\":false}}");

    assertOk(
        " Display name | Description | Organization | Location | Links \n"
            + "--------------+-------------+--------------+----------+"
            + "-".repeat("http://ayb.host/,https://ayb2.host (verified)".length() + 2)
            + "\n"
            + " Entity 0     | null        | null         | null     | http://ayb.host/,https://ayb2.host (verified) \n",
        client("profile", "e"));
    assertOk(
        "Display name,Description,Organization,Location,Links\n"
            + "Entity 0,null,null,null,\"http://ayb.host/,https://ayb2.host (verified)\"\n",
        client("profile", "e", "--format", "csv"));
  }

  @Test
  void listTokensShowsAybsDefaults() {
    server.answer(
        "GET",
        "/v1/tokens",
        200,
        "{\"tokens\":[{\"short_token\":\"8CjHk2\",\"scoped_database\":\"e/d.sqlite\","
            + "\"permission_level\":\"read-only\",\"app_name\":\"My app\","
            + "\"created_at\":\"2026-04-01 12:34:56.123456\",\"expires_at\":null,\"revoked_at\":null},"
            + "{\"short_token\":\"Zz9\",\"scoped_database\":null,\"permission_level\":null,"
            + "\"app_name\":null,\"created_at\":null,\"expires_at\":null,\"revoked_at\":null}]}");

    assertOk(
        " Short token | Scope           | Permission    | App    | Created                    | Expires \n"
            + "-------------+-----------------+---------------+--------+----------------------------+---------\n"
            + " 8CjHk2      | e/d.sqlite      | read-only     | My app | 2026-04-01 12:34:56.123456 | (never) \n"
            + " Zz9         | (all databases) | (full access) |        |                            | (never) \n",
        client("list_tokens"));
  }

  // ---- transport ---------------------------------------------------------------------------

  @Test
  void endpointsThatNeedATokenFailBeforeAnyRequestWithoutOne() {
    CommandRun run = run(null, server.url(), "list_snapshots", "e/d.sqlite");

    assertError("Calling endpoint that requires client API token, but none provided", run);
    assertTrue(server.requests().isEmpty());
  }

  @Test
  void anUnreachableServerIsOneLineNamingTheUrl() throws Exception {
    String url;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      url = "http://127.0.0.1:" + socket.getLocalPort();
    }

    CommandRun run = run(null, url, "list", "e");

    assertEquals(ExitCodes.UNAVAILABLE, run.status());
    assertEquals("Error: could not reach " + url + ": connection refused\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void aBadUrlIsAConfigurationError() {
    CommandRun run = run(null, "localhost:5433", "list", "e");

    assertEquals(ExitCodes.CONFIG, run.status());
    assertEquals(
        "Error: invalid server URL 'localhost:5433': it must start with http:// or https://\n",
        run.err());
  }

  @Test
  void aNonJsonErrorNamesTheStatus() {
    server.answer("GET", "/v1/tokens", 401, "");

    assertError(
        "Unable to parse error response: the body is empty, response code: 401 Unauthorized",
        client("list_tokens"));
  }
}
