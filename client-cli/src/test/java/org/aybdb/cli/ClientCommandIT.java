package org.aybdb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code ayb client ...} against one real server ({@code bin/ayb server} on the
 * embedded default, the {@link SharedServer} of the IT classes) shared by the tests, each with its
 * own entities and its own ayb.json. Outputs are compared byte for byte. Most calls run the command
 * in this JVM with the environment a process would get; the configuration file test, the
 * environment override, piped input and the terminal session run the real {@code bin/ayb}.
 *
 * <p>Covers every subcommand whose endpoint the server has: accounts (register, confirm, log_in,
 * list, profile, update_profile, list_tokens, revoke_token), databases and sharing
 * (create_database, query, database_details, update_database, share, list_database_permissions),
 * set_default_url and the interactive session's terminal handling; list_snapshots and
 * restore_snapshot (the shared server snapshots to a real S3 server, S3Proxy, every second; what
 * they print on a server without snapshot storage is checked in {@link ServerCommandIT}).
 */
@ExtendWith(SharedServer.class)
class ClientCommandIT {

  private static final AtomicInteger ENTITIES = new AtomicInteger();

  private static RunningServer server;

  @TempDir Path home;

  private Path config;

  @BeforeAll
  static void useTheSharedServer(RunningServer shared) {
    server = shared;
  }

  @BeforeEach
  void configFile() {
    config = home.resolve("config/ayb/ayb.json");
  }

  /** What one run of bin/ayb printed. */
  record Result(int status, String out, String err) {}

  private Result ayb(Map<String, String> environment, String input, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(server.repositoryPath().resolve("bin/ayb").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectOutput(home.resolve("out.txt").toFile())
            .redirectError(home.resolve("err.txt").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AYB") || name.startsWith("XDG_"));
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.putAll(environment);
    Process process = builder.start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ayb did not finish: " + command);
    return new Result(
        process.exitValue(),
        Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  /**
   * {@code ayb client <args>} with the default configuration file and no input, run in this JVM
   * with the environment {@link #ayb} gives the process: what the client does, without a JVM start
   * per call (more than a second each on a busy machine, over a hundred calls). {@link
   * #clientProcess} and {@link #ayb} run the real {@code bin/ayb}.
   */
  private Result client(String... args) {
    List<String> all = new ArrayList<>(List.of("client"));
    all.addAll(List.of(args));
    CommandRun run =
        CommandRun.run(
            Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString()),
            all.toArray(String[]::new));
    return new Result(run.status(), run.out(), run.err());
  }

  /** {@code bin/ayb client <args>} in a process of its own, as a user runs it. */
  private Result clientProcess(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("client"));
    all.addAll(List.of(args));
    return ayb(Map.of(), "", all.toArray(String[]::new));
  }

  private static void assertOk(String out, Result result) {
    assertEquals("", result.err(), result.toString());
    assertEquals(out, result.out());
    assertEquals(0, result.status());
  }

  private static void assertError(int status, String message, Result result) {
    assertEquals("Error: " + message + "\n", result.err(), result.toString());
    assertEquals("", result.out());
    assertEquals(status, result.status());
  }

  private String file() throws IOException {
    return Files.readString(config, StandardCharsets.UTF_8);
  }

  private static String newEntity(String name) {
    return "it-" + name + "-" + ENTITIES.incrementAndGet();
  }

  /** The confirmation token of the last e-mail sent to {@code address}. */
  private static String emailedToken(String address) throws IOException {
    return emailedToken(server, address);
  }

  private static String emailedToken(RunningServer on, String address) throws IOException {
    String token = null;
    for (String line : on.emails()) {
      JsonObject email;
      try (JsonReader reader = Json.createReader(new StringReader(line))) {
        email = reader.readObject();
      }
      if (!email.getString("to").equals(address)) {
        continue;
      }
      for (JsonValue content : email.getJsonArray("content")) {
        String text = ((jakarta.json.JsonString) content).getString();
        if (text.startsWith("\tayb client confirm ")) {
          token = text.substring("\tayb client confirm ".length());
        }
      }
    }
    assertTrue(token != null, "no e-mail to " + address);
    return token;
  }

  /**
   * Registers and confirms {@code entity} on the shared server, which becomes the configuration's
   * default URL; its API token, saved in the configuration.
   */
  private String registerAndConfirm(String entity) throws Exception {
    String address = entity + "@example.org";
    assertOk(
        "Check your email to finish registering " + entity + "\n",
        client("--url", server.url(), "register", entity, address));
    Result confirm = client("confirm", emailedToken(server, address));
    assertEquals(0, confirm.status(), confirm.toString());
    String prefix = "Successfully authenticated " + entity + " and saved token ";
    assertTrue(confirm.out().startsWith(prefix), confirm.out());
    return confirm.out().substring(prefix.length()).strip();
  }

  private JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  // ---- accounts and the configuration file ---------------------------------------------------

  @Test
  void registerConfirmAndSetDefaultUrlWriteAybsConfigurationFile() throws Exception {
    String entity = newEntity("Alice").replace("it-", "It-");
    String address = entity.toLowerCase() + "@example.org";

    assertOk(
        "Check your email to finish registering " + entity + "\n",
        clientProcess("--url", server.url(), "register", entity, address));
    assertEquals(
        "{\"version\":1,\"authentication\":{},\"default_url\":\"" + server.url() + "\"}", file());

    Result confirm = clientProcess("confirm", emailedToken(address));
    String lower = entity.toLowerCase();
    assertTrue(
        confirm
            .out()
            .matches("Successfully authenticated " + lower + " and saved token ayb_\\w+_\\w+\n"),
        confirm.toString());
    String token = confirm.out().substring(confirm.out().lastIndexOf(' ') + 1).strip();
    assertEquals(
        "{\"version\":1,\"authentication\":{\""
            + server.url()
            + "\":\""
            + token
            + "\"},\"default_url\":\""
            + server.url()
            + "\"}",
        file());

    assertOk(
        "Saved http://127.0.0.1:9 as new default_url\n",
        clientProcess("set_default_url", "http://127.0.0.1:9"));
    assertEquals(
        "{\"version\":1,\"authentication\":{\""
            + server.url()
            + "\":\""
            + token
            + "\"},\"default_url\":\"http://127.0.0.1:9\"}",
        file());
  }

  @Test
  void logInMailsAnotherTokenAndListTokensShowsBoth() throws Exception {
    String entity = newEntity("bob");
    String first = registerAndConfirm(entity);

    String second = logInAndConfirm(entity);

    Result json = client("list_tokens", "--format", "json");
    JsonArray tokens = json(json.out()).getJsonArray("tokens");
    assertEquals(2, tokens.size(), json.out());
    assertEquals(shortOf(second), tokens.getJsonObject(0).getString("short_token"));
    assertEquals(shortOf(first), tokens.getJsonObject(1).getString("short_token"));

    String created0 = tokens.getJsonObject(0).getString("created_at");
    String created1 = tokens.getJsonObject(1).getString("created_at");
    int createdWidth = Math.max("Created".length(), Math.max(created0.length(), created1.length()));
    int shortWidth =
        Math.max(
            "Short token".length(), Math.max(shortOf(first).length(), shortOf(second).length()));
    String expected =
        " "
            + pad("Short token", shortWidth)
            + " | Scope           | Permission    | App | "
            + pad("Created", createdWidth)
            + " | Expires \n"
            + "-".repeat(shortWidth + 2)
            + "+-----------------+---------------+-----+"
            + "-".repeat(createdWidth + 2)
            + "+---------\n"
            + row(shortOf(second), shortWidth, created0, createdWidth)
            + row(shortOf(first), shortWidth, created1, createdWidth);
    assertOk(expected, client("list_tokens"));
    assertOk(
        "Short token,Scope,Permission,App,Created,Expires\n"
            + shortOf(second)
            + ",(all databases),(full access),,"
            + created0
            + ",(never)\n"
            + shortOf(first)
            + ",(all databases),(full access),,"
            + created1
            + ",(never)\n",
        client("list_tokens", "--format", "csv"));
  }

  /** Logs {@code entity} in again: the new API token, saved in the configuration. */
  private String logInAndConfirm(String entity) throws Exception {
    assertOk("Check your email to finish logging in " + entity + "\n", client("log_in", entity));
    Result confirm = client("confirm", emailedToken(entity + "@example.org"));
    assertEquals(0, confirm.status(), confirm.toString());
    return confirm.out().substring(confirm.out().lastIndexOf(' ') + 1).strip();
  }

  private static String shortOf(String token) {
    return token.split("_")[1];
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  private static String row(String shortToken, int shortWidth, String created, int createdWidth) {
    return " "
        + pad(shortToken, shortWidth)
        + " | (all databases) | (full access) |     | "
        + pad(created, createdWidth)
        + " | (never) \n";
  }

  @Test
  void revokeTokenAndWhatARevokedTokenGets() throws Exception {
    String entity = newEntity("carol");
    String first = registerAndConfirm(entity);
    String second = logInAndConfirm(entity);

    assertOk(
        "Successfully revoked token " + shortOf(first) + "\n",
        client("revoke_token", shortOf(first)));

    assertError(1, "API token has been revoked", client("--token", first, "list_tokens"));
    assertError(
        1,
        "RecordNotFound { id: \"" + shortOf(first) + "\", record_type: \"api_token\" }",
        client("--token", second, "revoke_token", shortOf(first)));
    assertEquals(
        1, json(client("list_tokens", "--format", "json").out()).getJsonArray("tokens").size());
  }

  @Test
  void profileUpdateProfileAndList() throws Exception {
    String entity = newEntity("dave");
    registerAndConfirm(entity);

    assertOk(
        " Display name | Description | Organization | Location | Links \n"
            + "--------------+-------------+--------------+----------+-------\n"
            + " null         | null        | null         | null     |  \n",
        client("profile", entity));

    assertOk(
        "Successfully updated profile\n",
        client(
            "update_profile",
            entity,
            "--display_name",
            "Dave 漢字",
            "--description",
            "Writes, \"quotes\"",
            "--organization",
            "ayb",
            "--links",
            "http://ayb.host/",
            "http://ayb2.host"));

    assertOk(
        " Display name | Description      | Organization | Location | Links \n"
            + "--------------+------------------+--------------+----------+-----------------------------------\n"
            + " Dave 漢字    | Writes, \"quotes\" | ayb          | null     | http://ayb.host/,http://ayb2.host \n",
        client("profile", entity));
    assertOk(
        "Display name,Description,Organization,Location,Links\n"
            + "Dave 漢字,\"Writes, \"\"quotes\"\"\",ayb,null,\"http://ayb.host/,http://ayb2.host\"\n",
        client("profile", entity, "--format", "csv"));
    JsonObject profile = json(client("profile", entity, "--format", "json").out());
    assertEquals("Dave 漢字", profile.getJsonObject("profile").getString("display_name"));

    assertOk("Successfully updated profile\n", client("update_profile", entity, "--links"));
    assertTrue(client("profile", entity).out().endsWith("| null     |  \n"));

    assertOk("No queryable databases owned by " + entity + "\n", client("list", entity));
    assertOk(
        "No queryable databases owned by " + entity + "\n",
        client("list", entity, "--format", "csv"));
  }

  @Test
  void anonymousCallsSendNoToken() throws Exception {
    String entity = newEntity("erin");
    registerAndConfirm(entity);
    Files.delete(config);

    assertOk(
        "No queryable databases owned by " + entity + "\n",
        client("--url", server.url(), "list", entity));
    assertEquals(
        "{\"version\":1,\"authentication\":{},\"default_url\":\"" + server.url() + "\"}", file());
  }

  // ---- databases and sharing -------------------------------------------------------------------

  @Test
  void createQueryListAndDetailsPrintAsAybDoes() throws Exception {
    String entity = newEntity("hana");
    registerAndConfirm(entity);
    String db = entity + "/test.sqlite";

    assertOk("Successfully created " + db + "\n", client("create_database", db));
    assertOk(
        "\nRows: 0\n",
        client(
            "query",
            db,
            "CREATE TABLE t(fname TEXT, lname TEXT);"
                + " INSERT INTO t VALUES ('the first', 'the last'), ('the first2', 'the last2')"));

    assertOk(
        " fname      | lname \n"
            + "------------+-----------\n"
            + " the first  | the last \n"
            + " the first2 | the last2 \n"
            + "\nRows: 2\n",
        client("query", db, "SELECT fname, lname FROM t"));
    assertOk(
        "fname,lname\nthe first,the last\nthe first2,the last2\n\nRows: 2\n",
        client("query", db, "SELECT fname, lname FROM t", "--format", "csv"));
    assertOk(
        " the_count \n-----------\n 2 \n\nRows: 1\n",
        client("query", db, "SELECT count(*) AS the_count FROM t"));
    assertOk("\nRows: 0\n", client("query", db, "SELECT * FROM t WHERE 0"));
    assertOk(
        " a    | b    | c   | d \n"
            + "------+------+-----+-----------\n"
            + " NULL | 漢字 | 0.1 | 0.0000001 \n"
            + "\nRows: 1\n",
        client("query", db, "SELECT NULL AS a, '漢字' AS b, 0.1 AS c, 1e-7 AS d"));
    assertOk(
        "a,b\n\"x,\"\"y\"\"\",NULL\n\nRows: 1\n",
        client("query", db, "SELECT 'x,\"y\"' AS a, NULL AS b", "--format", "csv"));
    JsonObject answer = json(client("query", db, "SELECT 1 AS x", "--format", "json").out());
    assertEquals("[\"x\"]", answer.getJsonArray("fields").toString());
    assertEquals("[[\"1\"]]", answer.getJsonArray("rows").toString());

    assertOk(
        " Database slug | Type \n---------------+--------\n test.sqlite   | sqlite \n",
        client("list", entity));
    assertOk("Database slug,Type\ntest.sqlite,sqlite\n", client("list", entity, "--format", "csv"));
    assertOk(
        "Database: "
            + db
            + "\nType: sqlite\nAccess level: ReadWrite\n"
            + "You have management permissions for this database\n",
        client("database_details", db));
  }

  /**
   * ayb's end-to-end steps for a DuckDB database and then for a SQLite one, on the shared server,
   * which snapshots every second to a real S3 server (S3Proxy): create, write, read as CSV, then
   * list_snapshots, one more row, restore_snapshot of the first snapshot and the old count.
   */
  @Test
  void duckdbAndSqliteDatabasesAsInAybsEndToEndStepsWithSnapshots() throws Exception {
    String entity = newEntity("duck");
    registerAndConfirm(entity);
    String db = entity + "/test.duckdb";

    assertOk("Successfully created " + db + "\n", client("create_database", db, "duckdb"));
    assertOk(
        "\nRows: 0\n",
        client("query", db, "CREATE TABLE test_table(fname VARCHAR, lname VARCHAR)"));
    assertOk(
        " Count \n-------\n 1 \n\nRows: 1\n",
        client(
            "query", db, "INSERT INTO test_table (fname, lname) VALUES ('the first', 'the last')"));
    assertOk(
        " Count \n-------\n 1 \n\nRows: 1\n",
        client(
            "query",
            db,
            "INSERT INTO test_table (fname, lname) VALUES ('the first2', 'the last2')"));
    assertOk(
        "fname,lname\nthe first,the last\nthe first2,the last2\n\nRows: 2\n",
        client("query", db, "SELECT * FROM test_table", "--format", "csv"));
    assertOk(
        "Database: "
            + db
            + "\nType: duckdb\nAccess level: ReadWrite\n"
            + "You have management permissions for this database\n",
        client("database_details", db));
    snapshotAnotherRowAndRestore(db, " Count \n-------\n 1 \n\nRows: 1\n");

    String sqlite = entity + "/test.sqlite";
    assertOk("Successfully created " + sqlite + "\n", client("create_database", sqlite));
    assertOk(
        "\nRows: 0\n",
        client("query", sqlite, "CREATE TABLE test_table(fname VARCHAR, lname VARCHAR)"));
    for (String name : List.of("the first", "the first2")) {
      assertOk(
          "\nRows: 0\n",
          client(
              "query",
              sqlite,
              "INSERT INTO test_table (fname, lname) VALUES ('" + name + "', 'the last')"));
    }
    snapshotAnotherRowAndRestore(sqlite, "\nRows: 0\n");
  }

  /**
   * With two rows in {@code test_table} of {@code db}: waits for a snapshot of that content, adds a
   * row ({@code inserted} is what the client prints for it), waits for a snapshot of the new
   * content, restores the first and finds two rows again.
   */
  private void snapshotAnotherRowAndRestore(String db, String inserted) throws Exception {
    String count = "SELECT count(*) AS n FROM test_table";
    List<String[]> before = awaitSettledSnapshots(db, Set.of());
    String first = before.get(0)[0];
    Result table = client("list_snapshots", db);
    assertEquals(0, table.status(), table.toString());
    assertTrue(
        table.out().contains(" Name ")
            && table.out().contains(" Last modified ")
            && table.out().contains(" " + first + " ")
            && table.out().contains(" " + before.get(0)[1] + " "),
        table.out());

    assertOk(
        inserted,
        client("query", db, "INSERT INTO test_table (fname, lname) VALUES ('the third', 'x')"));
    assertOk("n\n3\n\nRows: 1\n", client("query", db, count, "--format", "csv"));
    Set<String> old = new HashSet<>();
    before.forEach(snapshot -> old.add(snapshot[0]));
    List<String[]> after = awaitSettledSnapshots(db, old);
    assertEquals(first, after.get(1)[0], "newest first");

    assertOk(
        "Restored " + db + " to snapshot " + first + "\n", client("restore_snapshot", db, first));
    assertOk("n\n2\n\nRows: 1\n", client("query", db, count, "--format", "csv"));

    String unknown = "0".repeat(64);
    assertError(
        1,
        "Snapshot " + unknown + " does not exist for " + db,
        client("restore_snapshot", db, unknown));
  }

  /**
   * Polls {@code list_snapshots --format csv} until {@code db}'s newest snapshot is none of {@code
   * old} and the list has stayed the same for four snapshot intervals and a second (a run still
   * copying has ended by then on a busy machine; an unchanged database gets no new snapshot, so the
   * newest then holds its current content); the snapshots' ids and times, newest first. Every
   * answer on the way must be in ayb's format.
   */
  private List<String[]> awaitSettledSnapshots(String db, Set<String> old) throws Exception {
    String row = "[0-9a-f]{64},\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+00:00\n";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String seen = null;
    long seenSince = System.nanoTime();
    while (true) {
      Result listed = client("list_snapshots", db, "--format", "csv");
      assertEquals("", listed.err(), listed.toString());
      assertEquals(0, listed.status(), listed.toString());
      String out = listed.out();
      if (!out.equals(seen)) {
        seen = out;
        seenSince = System.nanoTime();
      }
      if (!out.equals("No snapshots for " + db + "\n")) {
        assertTrue(out.matches("Name,Last modified\n(" + row + ")+"), out);
        List<String[]> snapshots = out.lines().skip(1).map(line -> line.split(",")).toList();
        if (!old.contains(snapshots.get(0)[0])
            && System.nanoTime() - seenSince
                > TimeUnit.SECONDS.toNanos(4 * SharedServer.SNAPSHOT_INTERVAL_SECONDS + 1)) {
          return snapshots;
        }
      }
      assertTrue(System.nanoTime() < deadline, "no settled new snapshot of " + db + ": " + out);
      Thread.sleep(250);
    }
  }

  @Test
  void queryParamsAreBoundAndPrintedInAybsFormats() throws Exception {
    String entity = newEntity("params");
    registerAndConfirm(entity);
    String db = entity + "/p.sqlite";
    assertOk("Successfully created " + db + "\n", client("create_database", db));
    client("query", db, "CREATE TABLE t(id INTEGER, name TEXT, score REAL, b BLOB)");
    String attack = "x'); DROP TABLE t; --";
    assertOk(
        "\nRows: 0\n",
        client(
            "query",
            db,
            "INSERT INTO t VALUES (?, ?, ?, ?)",
            "--param",
            "42",
            "--param",
            "text:" + attack,
            "--param",
            "2.5",
            "--param",
            "blob:AP8B"));
    assertOk(
        "\nRows: 0\n",
        client(
            "query",
            db,
            "INSERT INTO t(id, name, score) VALUES (:id, @name, $s)",
            "--param",
            ":id=int:7",
            "--param",
            "@name=007",
            "--param",
            "$s=null:"));
    assertOk(
        " id | name                  | score | hex(b) | typeof(name) \n"
            + "----+-----------------------+-------+--------+--------------\n"
            + " 7  | 007                   | NULL  |        | text \n"
            + " 42 | "
            + attack
            + " | 2.5   | 00FF01 | text \n"
            + "\nRows: 2\n",
        client(
            "query",
            db,
            "SELECT id, name, score, hex(b), typeof(name) FROM t WHERE id > ?" + " ORDER BY id",
            "--param",
            "0"));
    assertOk(
        "n\n1\n\nRows: 1\n",
        client(
            "query",
            db,
            "SELECT count(*) AS n FROM t WHERE name = ?",
            "--param",
            "text:" + attack,
            "--format",
            "csv"));
    assertOk(
        "{\"fields\":[\"v\"],\"rows\":[[\"abc\"]]}\n",
        client("query", db, "SELECT ? AS v", "--param", "abc", "--format", "json"));
    assertError(
        1,
        "QueryError { message: \"The statement has 2 parameters but 1 value was given\" }",
        client("query", db, "SELECT ?, ?", "--param", "1"));
    assertError(
        2,
        "--param blob:%%: not base64 (Illegal base64 character 25)",
        client("query", db, "SELECT ?", "--param", "blob:%%"));
    assertError(
        2,
        "--param values are either all named (:name=...) or all positional",
        client("query", db, "SELECT ?", "--param", "1", "--param", ":a=2"));
  }

  @Test
  void sharingThroughTheClient() throws Exception {
    String owner = newEntity("ivan");
    String ownerToken = registerAndConfirm(owner);
    String friend = newEntity("judy");
    registerAndConfirm(friend); // the configuration file now holds the friend's token
    String db = owner + "/shared.sqlite";
    assertOk(
        "Successfully created " + db + "\n", client("--token", ownerToken, "create_database", db));
    client("--token", ownerToken, "query", db, "CREATE TABLE t(a); INSERT INTO t VALUES (42)");

    assertOk(
        "No shared permissions for " + db + "\n",
        client("--token", ownerToken, "list_database_permissions", db));
    assertOk(
        "Permissions for " + friend + " on " + db + " updated successfully\n",
        client("--token", ownerToken, "share", db, friend, "read-only"));
    assertOk(
        " Entity"
            + " ".repeat(friend.length() - 6)
            + " | Sharing level \n"
            + "-".repeat(Math.max(6, friend.length()) + 2)
            + "+---------------\n"
            + " "
            + friend
            + " | read-only \n",
        client("--token", ownerToken, "list_database_permissions", db));
    assertOk(
        "Entity,Sharing level\n" + friend + ",read-only\n",
        client("--token", ownerToken, "list_database_permissions", db, "--format", "csv"));

    assertOk(
        "Database: " + db + "\nType: sqlite\nAccess level: ReadOnly\n",
        client("database_details", db));
    assertOk(" a \n----\n 42 \n\nRows: 1\n", client("query", db, "SELECT a FROM t"));
    assertError(
        1,
        "Attempted to write to database while in read-only mode",
        client("query", db, "INSERT INTO t VALUES (1)"));
    assertError(
        1,
        "Authenticated entity " + friend + " can't set permissions for database " + db,
        client("share", db, friend, "manager"));

    assertOk(
        "Permissions for " + friend.toUpperCase() + " on " + db + " updated successfully\n",
        client("--token", ownerToken, "share", db, friend.toUpperCase(), "no-access"));
    assertError(
        1,
        "RecordNotFound { id: \"" + db + "\", record_type: \"database\" }",
        client("database_details", db));

    assertOk(
        "Database " + db + " updated successfully\n",
        client("--token", ownerToken, "update_database", db, "--public_sharing_level", "fork"));
    assertOk(
        "Database: " + db + "\nType: sqlite\nAccess level: No query access\n",
        client("database_details", db));
    assertError(
        1,
        "Authenticated entity " + friend + " can't query database " + db,
        client("query", db, "SELECT 1"));
    assertError(
        1,
        owner + " owns " + db + ", so their permissions can't be changed",
        client("--token", ownerToken, "share", db, owner, "read-only"));
  }

  @Test
  void databaseErrorsArePrintedAsAybDoes() throws Exception {
    String entity = newEntity("kim");
    registerAndConfirm(entity);
    String db = entity + "/e.sqlite";
    assertOk(
        "Successfully created " + db + "\n", client("create_database", db, "sqlite", "read-only"));

    assertError(1, "Database already exists", client("create_database", db));
    assertError(
        1,
        "RecordNotFound { id: \"" + entity + "/missing.sqlite\", record_type: \"database\" }",
        client("query", entity + "/missing.sqlite", "SELECT 1"));
    assertError(
        1,
        "QueryError { message: \"near \\\"SELEC\\\": syntax error\" }",
        client("query", db, "SELEC 1"));
    Result badLevel = client("create_database", entity + "/f.sqlite", "sqlite", "everyone");
    assertEquals(2, badLevel.status(), badLevel.toString());
    assertTrue(badLevel.err().contains("everyone"), badLevel.err());
  }

  // ---- the environment -------------------------------------------------------------------------

  @Test
  void theEnvironmentOverridesTheConfigurationFile() throws Exception {
    String entity = newEntity("frank");
    String token = registerAndConfirm(entity);
    Path elsewhere = home.resolve("elsewhere.json");
    Map<String, String> environment = new HashMap<>();
    environment.put("AYB_CLIENT_CONFIG_FILE", elsewhere.toString());
    environment.put("AYB_SERVER_URL", server.url());
    environment.put("AYB_API_TOKEN", token);

    Result tokens = ayb(environment, "", "client", "list_tokens", "--format", "json");

    assertEquals(0, tokens.status(), tokens.toString());
    assertEquals(1, json(tokens.out()).getJsonArray("tokens").size());
    assertEquals(
        "{\"version\":1,\"authentication\":{},\"default_url\":\"" + server.url() + "\"}",
        Files.readString(elsewhere));

    environment.put("AYB_API_TOKEN", "ayb_unknown_token");
    assertError(
        1,
        "RecordNotFound { id: \"unknown\", record_type: \"api_token\" }",
        ayb(environment, "", "client", "list_tokens"));
    Path option = home.resolve("option.json");
    Result withOption =
        ayb(
            environment,
            "",
            "client",
            "--config",
            option.toString(),
            "set_default_url",
            "http://x");
    assertEquals(0, withOption.status(), withOption.toString());
    assertTrue(Files.exists(option));
  }

  // ---- error paths -----------------------------------------------------------------------------

  @Test
  void serverErrorsArePrintedAsAybDoesOnStderrWithAFailureStatus() throws Exception {
    String entity = newEntity("gina");
    registerAndConfirm(entity);

    assertError(
        1,
        "RecordNotFound { id: \"" + entity + "-nobody\", record_type: \"entity\" }",
        client("profile", entity + "-nobody"));
    assertError(
        1,
        "No fields provided to update. Please specify at least one field to update.",
        client("update_profile", entity));
    assertError(
        1,
        "No account or email authentication method for " + entity + "-nobody",
        client("log_in", entity + "-nobody"));
    assertError(
        1,
        "Username 'register' is reserved and cannot be used",
        client("register", "register", "r@example.org"));
    assertError(1, "Invalid or expired token", client("confirm", "not-a-token"));
    assertError(
        1,
        "Error parsing API token: WrongNumberOfParts(1)",
        client("--token", "abc", "list_tokens"));
  }

  @Test
  void clientSideErrors() throws Exception {
    assertError(
        78,
        "Server URL is required through --url parameter, AYB_SERVER_URL environment variable,"
            + " or default_url in "
            + config,
        client("list", "someone"));

    assertError(
        1,
        "Calling endpoint that requires client API token, but none provided",
        client("--url", server.url(), "list_tokens"));

    String down = "http://127.0.0.1:" + unusedPort();
    assertError(
        69, "could not reach " + down + ": connection refused", client("--url", down, "list", "x"));

    Result missing = client("revoke_token");
    assertEquals(2, missing.status());
    assertEquals(
        "Error: Missing required parameter: '<short_token>' (see 'ayb client revoke_token"
            + " --help')\n",
        missing.err());

    Result format = client("query", "no-slash", "SELECT 1");
    assertEquals(2, format.status());
    assertTrue(
        format.err().contains("Argument must be formatted as 'entity/database'"), format.err());
  }

  private static int unusedPort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  // ---- the interactive session -----------------------------------------------------------------

  @Test
  void pipedStatementsAreSplitAtSemicolons() throws Exception {
    Result result =
        ayb(
            Map.of("AYB_SERVER_URL", server.url()),
            "SELECT 1;\nSELECT\n  2; SELECT 3\n",
            "client",
            "query",
            "someone/db.sqlite");

    assertEquals(
        "Error: Calling endpoint that requires client API token, but none provided\n".repeat(3),
        result.err());
    assertEquals("", result.out());
    assertEquals(1, result.status());
  }

  @Test
  void aTerminalSessionHasAPromptContinuationLinesAndAHistoryFile() throws Exception {
    String entity = newEntity("hank");
    registerAndConfirm(entity);
    String ayb = server.repositoryPath().resolve("bin/ayb").toString();
    Path typed = home.resolve("typed.sh");
    // Types a statement over two lines, waits for the answer, then Ctrl-D. Each step waits (up to
    // 30 s) for what the session shows, not for a fixed time: the prompt, the continuation prompt,
    // then an answer and the next prompt. "last P": the last prompt or answer shown matches P.
    Files.writeString(
        typed,
        "last() { grep -o -E 'Rows: |Error: |db\\.sqlite> |-> ' pty.txt | tail -n 1"
            + " | grep -q -E \"$1\"; }\n"
            + "until_ok() { for i in $(seq 300); do eval \"$1\" && return; sleep 0.1; done; }\n"
            + "until_ok \"last 'db[.]sqlite> '\"; printf 'SELECT\\r'\n"
            + "until_ok \"last '^-> '\"; printf \"'a;b';\\r\"\n"
            + "until_ok \"grep -q -E 'Rows: |Error: ' pty.txt && last 'db[.]sqlite> '\"\n"
            + "printf '\\004'\n");
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash",
                "-c",
                "bash "
                    + typed
                    + " | script -q -e -c 'stty cols 120 rows 40; "
                    + ayb
                    + " client query "
                    + entity
                    + "/db.sqlite' /dev/null")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("pty.txt").toFile());
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("AYB") || name.startsWith("XDG_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
    builder.environment().put("TERM", "xterm");
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the session did not end");
    String screen = Files.readString(home.resolve("pty.txt"), StandardCharsets.UTF_8);

    assertEquals(0, process.exitValue(), screen);
    assertTrue(
        screen.startsWith("Launching an interactive session for " + entity + "/db.sqlite\r\n"),
        screen);
    String prompt = entity + "/db.sqlite> ";
    assertTrue(screen.contains(prompt + "SELECT"), screen);
    assertTrue(screen.contains(" ".repeat(prompt.length() - 3) + "-> 'a;b';"), screen);
    // Whatever the server answers (rows, or an error while the query endpoint is missing), it
    // comes before the next prompt.
    int answer = Math.max(screen.indexOf("Rows: "), screen.indexOf("Error: "));
    assertTrue(answer > screen.indexOf("-> 'a;b';"), screen);
    assertTrue(screen.indexOf(prompt, answer) > answer, screen);
    String history = Files.readString(config.resolveSibling("ayb_history"));
    assertTrue(history.endsWith(":SELECT\\n'a;b';\n"), history);
  }

  // ---- help and completion
  // -----------------------------------------------------------------------

  @Test
  void completionScriptCoversEverySubcommand() throws Exception {
    Result result = client("generate_completion");

    assertEquals(0, result.status(), result.err());
    assertTrue(result.out().contains("complete -F _complete_ayb"), result.out());
    for (String name :
        List.of(
            "list_database_permissions", "restore_snapshot", "update_profile", "--display_name")) {
      assertTrue(result.out().contains(name), name);
    }
  }

  // ---- whole databases: export, import, fork ---------------------------------------------------

  @Test
  void exportThenImportIntoAnotherDatabaseGivesTheSameRowsAndForkCopies() throws Exception {
    String entity = newEntity("porter");
    registerAndConfirm(entity);
    String source = entity + "/source.sqlite";
    String target = entity + "/target.sqlite";
    assertOk("Successfully created " + source + "\n", client("create_database", source));
    assertOk("Successfully created " + target + "\n", client("create_database", target));
    client(
        "query",
        source,
        "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL);"
            + " INSERT INTO t(name, score) VALUES ('ada', 1.5), ('bo', NULL), ('漢字', -2)");
    String rows = "SELECT id, name, score FROM t ORDER BY id";
    String expected = client("query", source, rows, "--format", "csv").out();
    assertTrue(expected.contains("漢字"), expected);

    Path file = home.resolve("source copy.sqlite");
    Result exported = client("export", source, file.toString());
    assertEquals(0, exported.status(), exported.toString());
    long size = Files.size(file);
    assertEquals("Exported " + source + " to " + file + " (" + size + " bytes)\n", exported.out());
    assertEquals(
        "SQLite format 3\0",
        new String(Files.readAllBytes(file), 0, 16, StandardCharsets.US_ASCII));

    Path dump = home.resolve("source.sql");
    Result dumped = client("export", "--format", "sql", source, dump.toString());
    assertEquals(0, dumped.status(), dumped.toString());
    String sql = Files.readString(dump, StandardCharsets.UTF_8);
    assertTrue(
        sql.startsWith("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE t("), sql);
    assertTrue(sql.contains("INSERT INTO \"t\" VALUES(1,'ada',1.5);\n"), sql);
    assertTrue(sql.contains("INSERT INTO \"t\" VALUES(3,'漢字',-2.0);\n"), sql);
    assertTrue(sql.endsWith("COMMIT;\n"), sql);
    Result badFormat = client("export", "--format", "csv", source, dump.toString());
    assertTrue(badFormat.status() != 0, badFormat.toString());
    assertEquals("Error: Unknown export format: csv (sqlite or sql)\n", badFormat.err());

    assertOk(
        "Imported " + file + " into " + target + "\n", client("import", target, file.toString()));
    assertOk(expected, client("query", target, rows, "--format", "csv"));

    assertOk(
        "Forked " + source + " to " + entity + "/copy.sqlite\n",
        client("fork", source, entity + "/copy.sqlite"));
    assertOk(expected, client("query", entity + "/copy.sqlite", rows, "--format", "csv"));
    assertOk(
        "Database: "
            + entity
            + "/copy.sqlite\nType: sqlite\nAccess level: ReadWrite\n"
            + "You have management permissions for this database\nForked from: "
            + source
            + "\n",
        client("database_details", entity + "/copy.sqlite"));

    Path text = home.resolve("notes.txt");
    Files.writeString(text, "not a database\n".repeat(100));
    Result refused = client("import", target, text.toString());
    assertEquals(1, refused.status(), refused.toString());
    assertEquals("", refused.out());
    assertTrue(
        refused.err().startsWith("Error: The uploaded file cannot be imported: it is not a SQLite")
            && refused.err().endsWith("\n")
            && refused.err().lines().count() == 1,
        refused.err());
    assertOk(expected, client("query", target, rows, "--format", "csv"));
    assertError(
        1,
        "RecordNotFound { id: \"" + entity + "/missing\", record_type: \"database\" }",
        client("export", entity + "/missing", home.resolve("missing.sqlite").toString()));
    assertTrue(Files.notExists(home.resolve("missing.sqlite")), "no file for a failed export");
    assertError(1, "Database already exists", client("fork", source, entity + "/copy.sqlite"));
  }
}
