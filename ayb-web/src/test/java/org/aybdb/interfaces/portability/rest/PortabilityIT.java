package org.aybdb.interfaces.portability.rest;

import static org.aybdb.interfaces.rest.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.aybdb.interfaces.database.rest.DatabaseCalls;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.S3TestServer;
import org.aybdb.interfaces.rest.ServerUrl;
import org.aybdb.interfaces.rest.TestAccounts;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Export, import and fork end to end on Payara Micro, with the build's quotas ({@code
 * AYB__LIMITS__MAX_BYTES_PER_ENTITY=2MiB}, {@code MAX_DATABASES_PER_ENTITY=12}). Files to import
 * are made here with SQLite (sqlite-jdbc); exported files are opened with it.
 */
class PortabilityIT {

  /** 1.2 MB of random blobs: two of them pass the build's 2 MiB per entity. */
  private static final String FILL =
      "CREATE TABLE t(b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
          + " WHERE i < 1200) INSERT INTO t SELECT randomblob(1000) FROM n";

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  @ServerUrl URL base;

  private ApiClient api;
  private DatabaseCalls calls;
  private TestAccounts accounts;

  @BeforeEach
  void clients() {
    api = new ApiClient(base);
    calls = new DatabaseCalls(api);
    accounts = new TestAccounts(api);
    S3TestServer.shared(); // an import snapshots the version it replaces
  }

  // ---- export --------------------------------------------------------------------------------

  @Test
  void anExportIsTheDatabaseFileWithItsLengthNameAndChecksum() throws Exception {
    Account owner = accounts.register("exp-owner");
    String path = database(owner, "notes.sqlite", "no-access");
    calls.queryOrFail(
        owner.bearer(),
        path,
        "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES"
            + " ('one'), ('two')");

    HttpResponse<byte[]> exported = export(owner.bearer(), path);
    assertEquals(200, exported.statusCode(), new String(exported.body(), StandardCharsets.UTF_8));
    byte[] file = exported.body();
    assertEquals("application/vnd.sqlite3", header(exported, "Content-Type"));
    assertEquals("attachment; filename=\"notes.sqlite\"", header(exported, "Content-Disposition"));
    assertEquals(String.valueOf(file.length), header(exported, "Content-Length"));
    String sha =
        Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(file));
    assertEquals("sha-256=:" + sha + ":", header(exported, "Repr-Digest"));
    assertEquals("sha-256=" + sha, header(exported, "Digest"));
    assertEquals(
        List.of(List.of("1", "one"), List.of("2", "two")), rows(file, "SELECT * FROM notes"));
    assertNoExportLeft();
  }

  @Test
  void anExportHoldsItsPlaceUntilItsDownloadEnds() throws Exception {
    Account owner = accounts.register("exp-slow");
    Account other = accounts.register("exp-other");
    String path = database(owner, "big", "read-only");
    // A 200 KB database that dumps to about 30 MB, more than the kernel and the server's write
    // queue take in for a client that does not read.
    fillWithRowsThatNameALongTable(owner, path, 30_000);
    List<Socket> stalled = new ArrayList<>();
    try {
      // [limits] concurrent_exports_per_client = 2 (the default): two downloads nobody reads.
      for (int i = 0; i < 2; i++) {
        stalled.add(stalledExport(owner, path));
      }
      HttpResponse<byte[]> third = export(owner.bearer(), path);
      String body = new String(third.body(), StandardCharsets.UTF_8);
      assertEquals(429, third.statusCode(), body);
      assertEquals("5", header(third, "Retry-After"));
      assertTrue(body.contains("concurrent_exports_per_client"), body);
      // Another caller has places of its own.
      assertEquals(200, export(other.bearer(), path).statusCode());
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
    // The downloads end with their connections, and give their places back.
    int status = 0;
    for (int i = 0; i < 100 && status != 200; i++) {
      Thread.sleep(100);
      status = export(owner.bearer(), path).statusCode();
    }
    assertEquals(200, status);
    assertNoExportLeft();
  }

  @Test
  void anSqlDumpLargerThanMaxDumpBytesIsRefusedAndLeavesNothing() throws Exception {
    Account owner = accounts.register("dump-big");
    String path = database(owner, "amplified", "no-access");
    // About 46 MB of SQL from a 300 KB database, past the ITs' [limits] max_dump_bytes (40 MiB).
    fillWithRowsThatNameALongTable(owner, path, 45_000);
    HttpResponse<byte[]> refused =
        api.sendForBytes(calls.authorized(path + "/export?format=sql", owner.bearer()).GET());
    String body = new String(refused.body(), StandardCharsets.UTF_8);
    assertEquals(413, refused.statusCode(), body);
    assertTrue(body.contains("[limits] max_dump_bytes"), body);
    assertNoExportLeft();
    // The file itself is still for export.
    assertEquals(200, export(owner.bearer(), path).statusCode());
  }

  /**
   * Fills {@code path} with {@code rows} rows of a table whose name is 1000 characters long: its
   * file is small, but every row's INSERT in an SQL dump names the table (about 1 KB a row).
   */
  private void fillWithRowsThatNameALongTable(Account owner, String path, int rows)
      throws Exception {
    String table = "t".repeat(1000);
    calls.queryOrFail(
        owner.bearer(),
        path,
        "CREATE TABLE "
            + table
            + "(v INTEGER PRIMARY KEY); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1"
            + " FROM n WHERE i < "
            + rows
            + ") INSERT INTO "
            + table
            + " SELECT i FROM n");
  }

  /** An export of {@code path} whose answer is read no further than its status line. */
  private Socket stalledExport(Account owner, String path) throws Exception {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(1024);
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
    String target = base.getPath().replaceAll("/$", "") + path + "/export?format=sql";
    socket
        .getOutputStream()
        .write(
            ("GET "
                    + target
                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + owner.bearer()
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    // The status line comes once the copy is made, so its place is taken by then.
    byte[] status = socket.getInputStream().readNBytes(12);
    assertEquals("HTTP/1.1 200", new String(status, StandardCharsets.US_ASCII));
    return socket;
  }

  @Test
  void anSqlDumpRebuildsTheSameRowsAndSchema() throws Exception {
    Account owner = accounts.register("dump-owner");
    Account stranger = accounts.register("dump-stranger");
    String path = database(owner, "dump.sqlite", "no-access");
    calls.queryOrFail(
        owner.bearer(),
        path,
        "CREATE TABLE \"odd \"\"name\" (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT,"
            + " n INTEGER, r REAL, b BLOB, twice INTEGER GENERATED ALWAYS AS (n * 2) VIRTUAL);"
            + " CREATE INDEX odd_body ON \"odd \"\"name\" (body);"
            + " CREATE VIEW odd_view AS SELECT id, body FROM \"odd \"\"name\";"
            + " INSERT INTO \"odd \"\"name\" (body, n, r, b) VALUES"
            + " ('O''Brien said \"hi\"' || char(10) || 'and left;', 9223372036854775807,"
            + " 0.1 + 0.2, x'00ff27'),"
            + " (NULL, -1, 1e300, zeroblob(0)),"
            + " ('', NULL, -2.5e-300, NULL);"
            + " DELETE FROM \"odd \"\"name\" WHERE id = 2;"
            + " INSERT INTO \"odd \"\"name\" (body, r) VALUES ('x', 3.0)");
    String select =
        "SELECT id, quote(body), quote(n), quote(r), quote(b), typeof(r), typeof(b), twice"
            + " FROM \"odd \"\"name\" ORDER BY id";
    // Compared by the same SQLite (here) on the exported file and on the rebuilt one: quote()'s
    // REAL digits differ between SQLite versions, the values do not.
    List<List<String>> original = rows(export(owner.bearer(), path).body(), select);

    HttpResponse<byte[]> exported =
        api.sendForBytes(calls.authorized(path + "/export?format=sql", owner.bearer()).GET());
    String dump = new String(exported.body(), StandardCharsets.UTF_8);
    assertEquals(200, exported.statusCode(), dump);
    assertTrue(header(exported, "Content-Type").startsWith("application/sql"));
    assertEquals(
        "attachment; filename=\"dump.sqlite.sql\"", header(exported, "Content-Disposition"));
    String sha =
        Base64.getEncoder()
            .encodeToString(MessageDigest.getInstance("SHA-256").digest(exported.body()));
    assertEquals("sha-256=:" + sha + ":", header(exported, "Repr-Digest"));
    assertTrue(dump.startsWith("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE"), dump);
    assertTrue(dump.endsWith("COMMIT;\n"), dump);
    assertTrue(dump.contains("X'00FF27'") && dump.contains("'O''Brien said \"hi\"\nand"), dump);
    assertTrue(dump.contains("DELETE FROM sqlite_sequence;"), dump);
    assertNoExportLeft();
    assertOneVersion(owner, "dump.sqlite");

    // The dump, run by SQLite here, gives a database with the same rows, types and schema.
    Path rebuilt = Files.createTempFile("rebuilt", ".sqlite");
    Files.delete(rebuilt);
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + rebuilt)) {
      // sqlite3_exec: every statement of the text, in order.
      assertEquals(0, conn.unwrap(org.sqlite.SQLiteConnection.class).getDatabase()._exec(dump));
    }
    byte[] file = Files.readAllBytes(rebuilt);
    Files.delete(rebuilt);
    assertEquals(original, rows(file, select));
    assertEquals(3, original.size());
    assertEquals(
        List.of(List.of("'O''Brien said \"hi\"\nand left;'", "0.30000000000000004", "blob")),
        query(owner, path, "SELECT quote(body), r, typeof(b) FROM \"odd \"\"name\" WHERE id = 1"));
    assertEquals(List.of(List.of("4")), rows(file, "SELECT seq FROM sqlite_sequence"));
    assertEquals(
        List.of(List.of("index", "odd_body"), List.of("view", "odd_view")),
        rows(file, "SELECT type, name FROM sqlite_schema WHERE type <> 'table' ORDER BY name"));

    // Whoever may not read hears the database does not exist, as for the file.
    HttpResponse<byte[]> refused =
        api.sendForBytes(calls.authorized(path + "/export?format=sql", stranger.bearer()).GET());
    assertEquals(404, refused.statusCode());
  }

  @Test
  void onlyThoseWhoMayReadCanExportOthersHearItDoesNotExist() throws Exception {
    Account owner = accounts.register("exp-rights");
    Account stranger = accounts.register("exp-stranger");
    String secret = database(owner, "secret", "no-access");
    String forkable = database(owner, "forkable", "fork");
    String open = database(owner, "open", "read-only");
    for (String path : List.of(secret, forkable, open)) {
      calls.queryOrFail(owner.bearer(), path, "CREATE TABLE t(v); INSERT INTO t VALUES ('x')");
    }

    for (String path : List.of(secret, forkable)) {
      for (String caller : Arrays.asList(null, stranger.bearer())) {
        HttpResponse<byte[]> refused = export(caller, path);
        assertEquals(404, refused.statusCode(), path + " as " + caller);
        JsonObject error = jsonOf(refused);
        assertEquals("RecordNotFound", error.getString("type"), error.toString());
      }
    }
    HttpResponse<byte[]> missing = export(owner.bearer(), "/v1/" + owner.entity() + "/nothing");
    assertEquals(404, missing.statusCode());

    HttpResponse<byte[]> anonymous = export(null, open);
    assertEquals(200, anonymous.statusCode());
    assertEquals(List.of(List.of("x")), rows(anonymous.body(), "SELECT v FROM t"));

    calls.shareOrFail(owner.bearer(), secret, stranger.entity(), "read-only");
    HttpResponse<byte[]> shared = export(stranger.bearer(), secret);
    assertEquals(200, shared.statusCode());
    assertEquals(List.of(List.of("x")), rows(shared.body(), "SELECT v FROM t"));

    HttpResponse<byte[]> unknownFormat =
        api.sendForBytes(calls.authorized(secret + "/export?format=csv", owner.bearer()).GET());
    assertEquals(400, unknownFormat.statusCode());
    assertTrue(jsonOf(unknownFormat).getString("message").contains("csv"));
  }

  // ---- import --------------------------------------------------------------------------------

  @Test
  void anImportReplacesTheDatabaseForOwnersAndManagersOnly() throws Exception {
    Account owner = accounts.register("imp-owner");
    Account manager = accounts.register("imp-manager");
    Account writer = accounts.register("imp-writer");
    String path = database(owner, "books", "no-access");
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE old(v); INSERT INTO old VALUES (1)");
    calls.shareOrFail(owner.bearer(), path, manager.entity(), "manager");
    calls.shareOrFail(owner.bearer(), path, writer.entity(), "read-write");
    byte[] file =
        sqliteFile(
            "CREATE TABLE books(id INTEGER PRIMARY KEY, title TEXT NOT NULL CHECK (length(title) >"
                + " 0))",
            "CREATE INDEX books_title ON books(lower(title))",
            "CREATE VIEW titles AS SELECT upper(title) AS t FROM books",
            "CREATE TRIGGER books_log AFTER INSERT ON books BEGIN SELECT abs(1); END",
            "INSERT INTO books(title) VALUES ('Dune'), ('Emma')");

    HttpResponse<String> byWriter = importFile(writer.bearer(), path, file);
    assertEquals(403, byWriter.statusCode(), byWriter.body());
    assertEquals(
        "Authenticated entity "
            + writer.entity()
            + " can't import into database "
            + owner.entity()
            + "/books",
        json(byWriter).getString("message"));
    assertEquals(401, importFile(null, path, file).statusCode());
    assertEquals(404, importFile(accounts.register("imp-other").bearer(), path, file).statusCode());
    assertEquals(
        List.of(List.of("1")), query(owner, path, "SELECT v FROM old"), "nothing replaced yet");

    HttpResponse<String> byOwner = importFile(owner.bearer(), path, file);
    assertEquals(200, byOwner.statusCode(), byOwner.body());
    assertEquals("{}", byOwner.body());
    assertEquals(
        List.of(List.of("DUNE"), List.of("EMMA")), query(owner, path, "SELECT t FROM titles"));
    assertEquals(400, calls.query(owner.bearer(), path, "SELECT * FROM old").statusCode());

    byte[] second = sqliteFile("CREATE TABLE books(title)", "INSERT INTO books VALUES ('Ulysses')");
    HttpResponse<String> byManager = importFile(manager.bearer(), path, second);
    assertEquals(200, byManager.statusCode(), byManager.body());
    assertEquals(List.of(List.of("Ulysses")), query(owner, path, "SELECT title FROM books"));
    calls.queryOrFail(owner.bearer(), path, "INSERT INTO books VALUES ('Kim')");
    assertEquals(
        List.of(List.of("Ulysses"), List.of("Kim")), query(owner, path, "SELECT title FROM books"));
    assertOneVersion(owner, "books");
  }

  @Test
  void filesThatAreNotSqliteOrDamagedOrUnsafeAreRefusedAndChangeNothing() throws Exception {
    Account owner = accounts.register("imp-bad");
    String path = database(owner, "target", "no-access");
    calls.queryOrFail(
        owner.bearer(), path, "CREATE TABLE kept(v); INSERT INTO kept VALUES ('yes')");

    HttpResponse<String> text =
        importFile(owner.bearer(), path, "id,name\n1,Dune\n".repeat(100).getBytes());
    assertEquals(400, text.statusCode(), text.body());
    assertTrue(json(text).getString("message").contains("not a SQLite 3 database"), text.body());

    byte[] damaged =
        sqliteFile(
            "CREATE TABLE t(v TEXT)",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
                + " INSERT INTO t SELECT printf('row %d', i) FROM n");
    Arrays.fill(damaged, 4096, 8192, (byte) 0x5A);
    HttpResponse<String> corrupt = importFile(owner.bearer(), path, damaged);
    assertEquals(400, corrupt.statusCode(), corrupt.body());
    assertTrue(json(corrupt).getString("message").contains("damaged"), corrupt.body());

    byte[] unsafe =
        sqliteFile(
            "CREATE TABLE t(v)",
            "CREATE TRIGGER load AFTER INSERT ON t BEGIN SELECT load_extension('/tmp/evil'); END");
    HttpResponse<String> trigger = importFile(owner.bearer(), path, unsafe);
    assertEquals(400, trigger.statusCode(), trigger.body());
    String message = json(trigger).getString("message");
    assertTrue(message.contains("triggers on t") && message.contains("load_extension"), message);

    byte[] unsafeView = sqliteFile("CREATE VIEW v AS SELECT rtreenode(2, x'00') AS node");
    HttpResponse<String> view = importFile(owner.bearer(), path, unsafeView);
    assertEquals(400, view.statusCode(), view.body());
    assertTrue(json(view).getString("message").contains("rtreenode"), view.body());

    HttpResponse<String> notMultipart =
        api.send(
            calls
                .authorized(path + "/import", owner.bearer())
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(sqliteFile("CREATE TABLE t(v)"))));
    assertEquals(400, notMultipart.statusCode(), notMultipart.body());
    HttpResponse<String> otherPart =
        send(owner.bearer(), path, "file", sqliteFile("CREATE TABLE t(v)"));
    assertEquals(400, otherPart.statusCode(), otherPart.body());
    assertTrue(json(otherPart).getString("message").contains("`database`"), otherPart.body());

    assertEquals(List.of(List.of("yes")), query(owner, path, "SELECT v FROM kept"));
    assertOneVersion(owner, "target");
  }

  /**
   * Attack: a crafted file hides a view and a trigger under names SQLite reserves for itself
   * ({@code sqlite_...}, written through {@code writable_schema}), or a table under a name like a
   * virtual table's shadow table, so that the import check skips them. Each must be refused.
   */
  @Test
  void schemaObjectsHiddenUnderReservedOrShadowNamesAreRefused() throws Exception {
    Account owner = accounts.register("imp-hide");
    String path = database(owner, "target", "no-access");
    calls.queryOrFail(
        owner.bearer(), path, "CREATE TABLE kept(v); INSERT INTO kept VALUES ('yes')");
    String writable = "PRAGMA writable_schema = ON";
    String insert = "INSERT INTO sqlite_schema(type, name, tbl_name, rootpage, sql) VALUES ";
    byte[] view =
        sqliteFile(
            "CREATE TABLE t(v)",
            writable,
            insert
                + "('view', 'sqlite_v', 'sqlite_v', 0,"
                + " 'CREATE VIEW sqlite_v AS SELECT rtreenode(2, x''00'') AS node')");
    byte[] trigger =
        sqliteFile(
            "CREATE TABLE t(v)",
            writable,
            insert
                + "('trigger', 'sqlite_t', 't', 0, 'CREATE TRIGGER sqlite_t AFTER INSERT ON t"
                + " BEGIN SELECT load_extension(''/tmp/evil''); END')");
    byte[] shadow =
        sqliteFile(
            "CREATE VIRTUAL TABLE vt USING fts5(a)",
            "CREATE TABLE vt_evil(x CHECK (rtreenode(2, x'00') IS NULL))");
    for (byte[] file : List.of(view, trigger, shadow)) {
      HttpResponse<String> refused = importFile(owner.bearer(), path, file);
      assertEquals(400, refused.statusCode(), refused.body());
      String message = json(refused).getString("message");
      assertTrue(
          message.contains("reserves for itself") || message.contains("shadow table"), message);
    }
    // A genuine full-text table with its shadow tables and an AUTOINCREMENT sequence still pass.
    byte[] genuine =
        sqliteFile(
            "CREATE VIRTUAL TABLE vt USING fts5(a)",
            "INSERT INTO vt VALUES ('hello world')",
            "CREATE TABLE seq(id INTEGER PRIMARY KEY AUTOINCREMENT, v)",
            "INSERT INTO seq(v) VALUES ('one')",
            "CREATE INDEX seq_v ON seq(v)",
            "ANALYZE");
    HttpResponse<String> taken = importFile(owner.bearer(), path, genuine);
    assertEquals(200, taken.statusCode(), taken.body());
    assertEquals(
        List.of(List.of("hello world")),
        query(owner, path, "SELECT a FROM vt WHERE vt MATCH 'hello'"));
    // Its export (a VACUUM copy, which lists the shadow tables before their virtual table) is
    // taken back too.
    HttpResponse<byte[]> exported = export(owner.bearer(), path);
    assertEquals(200, exported.statusCode());
    HttpResponse<String> again = importFile(owner.bearer(), path, exported.body());
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(
        List.of(List.of("hello world")),
        query(owner, path, "SELECT a FROM vt WHERE vt MATCH 'hello'"));
  }

  @Test
  void aFileOverTheStorageQuotaIsRefusedWhileItArrives() throws Exception {
    Account owner = accounts.register("imp-quota");
    String path = database(owner, "big", "no-access");
    // 2.2 MB of random blobs against the build's 2 MiB per entity.
    byte[] big =
        sqliteFile(
            "CREATE TABLE t(b BLOB)",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2100)"
                + " INSERT INTO t SELECT randomblob(1000) FROM n");
    assertTrue(big.length > 2 << 20, "bigger than the quota: " + big.length);
    HttpResponse<String> refused = importFile(owner.bearer(), path, big);
    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(json(refused).getString("message").contains("max_bytes_per_entity"), refused.body());
    assertEquals(
        List.of(List.of("0")),
        query(owner, path, "SELECT count(*) FROM sqlite_schema"),
        "still the empty database");
    assertOneVersion(owner, "big");
  }

  // ---- fork ----------------------------------------------------------------------------------

  @Test
  void aPublicDatasetForkedByAnotherUserIsTheirsToQueryAndChange() throws Exception {
    Account publisher = accounts.register("fork-pub");
    Account reader = accounts.register("fork-reader");
    String dataset = database(publisher, "cities", "read-only");
    calls.queryOrFail(
        publisher.bearer(),
        dataset,
        "CREATE TABLE cities(name TEXT, people INTEGER); INSERT INTO cities VALUES ('Oslo',"
            + " 709000), ('Lima', 10000000)");

    HttpResponse<String> forked = fork(reader.bearer(), dataset, reader.entity() + "/my-cities");
    assertEquals(201, forked.statusCode(), forked.body());
    JsonObject created = json(forked);
    assertEquals(reader.entity(), created.getString("entity"));
    assertEquals("my-cities", created.getString("database"));
    assertEquals("sqlite", created.getString("database_type"));
    assertEquals(publisher.entity() + "/cities", created.getString("forked_from"));

    String copy = "/v1/" + reader.entity() + "/my-cities";
    assertEquals(
        List.of(List.of("Lima"), List.of("Oslo")),
        query(reader, copy, "SELECT name FROM cities ORDER BY name"));
    calls.queryOrFail(reader.bearer(), copy, "DELETE FROM cities WHERE name = 'Oslo'");
    assertEquals(List.of(List.of("1")), query(reader, copy, "SELECT count(*) FROM cities"));
    assertEquals(
        List.of(List.of("2")),
        query(publisher, dataset, "SELECT count(*) FROM cities"),
        "the original is untouched");

    JsonObject details = json(calls.details(reader.bearer(), copy));
    assertEquals(publisher.entity() + "/cities", details.getString("forked_from"));
    assertEquals("no-access", details.getString("public_sharing_level"));
    assertEquals("ReadWrite", details.getString("highest_query_access_level"));
    assertFalse(
        json(calls.details(publisher.bearer(), dataset)).containsKey("forked_from"),
        "only forks carry the member");
    assertEquals(404, calls.details(null, copy).statusCode(), "a fork starts private");
  }

  @Test
  void whoMayForkWhereTo() throws Exception {
    Account owner = accounts.register("fork-owner");
    Account other = accounts.register("fork-other");
    String forkable = database(owner, "forkable", "fork");
    String secret = database(owner, "secret", "no-access");
    calls.queryOrFail(owner.bearer(), forkable, "CREATE TABLE t(v); INSERT INTO t VALUES (7)");

    HttpResponse<String> byStranger = fork(other.bearer(), forkable, other.entity() + "/mine");
    assertEquals(201, byStranger.statusCode(), "the public level fork lets anyone signed in fork");
    assertEquals(
        List.of(List.of("7")), query(other, "/v1/" + other.entity() + "/mine", "SELECT v FROM t"));
    assertEquals(404, export(other.bearer(), forkable).statusCode(), "but not read it");

    assertEquals(404, fork(other.bearer(), secret, other.entity() + "/x").statusCode());
    assertEquals(401, fork(null, forkable, other.entity() + "/y").statusCode());
    HttpResponse<String> elsewhere = fork(other.bearer(), forkable, owner.entity() + "/z");
    assertEquals(403, elsewhere.statusCode(), elsewhere.body());
    HttpResponse<String> exists = fork(other.bearer(), forkable, other.entity() + "/mine");
    assertEquals(409, exists.statusCode(), exists.body());
    HttpResponse<String> missing = fork(other.bearer(), forkable, null);
    assertEquals(400, missing.statusCode());
    assertEquals("Missing required `fork-to` header", json(missing).getString("message"));
    assertEquals(400, fork(other.bearer(), forkable, "no-slash").statusCode());
    HttpResponse<String> badSlug = fork(other.bearer(), forkable, other.entity() + "/a b");
    assertEquals(400, badSlug.statusCode());
    assertEquals("InvalidSlug", json(badSlug).getString("type"));

    // The owner forks an empty (never written) database of their own.
    HttpResponse<String> own = fork(owner.bearer(), secret, owner.entity() + "/secret-2");
    assertEquals(201, own.statusCode(), own.body());
    assertEquals(
        List.of(List.of("0")),
        query(owner, "/v1/" + owner.entity() + "/secret-2", "SELECT count(*) FROM sqlite_schema"));
  }

  @Test
  void aForkPastEitherQuotaIsRefused() throws Exception {
    Account owner = accounts.register("fork-big");
    Account taker = accounts.register("fork-taker");
    String source = database(owner, "source", "read-only");
    calls.queryOrFail(owner.bearer(), source, FILL);
    String own = database(taker, "own", "no-access");
    calls.queryOrFail(taker.bearer(), own, FILL);

    HttpResponse<String> bytes = fork(taker.bearer(), source, taker.entity() + "/copy");
    assertEquals(403, bytes.statusCode(), bytes.body());
    assertTrue(json(bytes).getString("message").contains("max_bytes_per_entity"), bytes.body());
    assertEquals(
        404, calls.details(taker.bearer(), "/v1/" + taker.entity() + "/copy").statusCode());
    assertFalse(
        Files.exists(databaseFolder(taker, "copy").resolve("current")), "no files left behind");

    Account collector = accounts.register("fork-many");
    for (int i = 0; ; i++) {
      HttpResponse<String> created =
          calls.create(
              collector.bearer(),
              "/v1/" + collector.entity() + "/filler-" + i,
              "sqlite",
              "no-access");
      if (created.statusCode() == 403) {
        break;
      }
      assertEquals(201, created.statusCode(), created.body());
    }
    HttpResponse<String> count = fork(collector.bearer(), source, collector.entity() + "/copy");
    assertEquals(403, count.statusCode(), count.body());
    assertTrue(json(count).getString("message").contains("Database quota reached"), count.body());
  }

  @Test
  void databasesNamedLikeScratchCopiesKeepTheirFilesAndCountAgainstTheQuota() throws Exception {
    // Slugs may start with a dot; the server's scratch copies once did too.
    Account owner = accounts.register("dot-owner");
    String notes = database(owner, ".copy-notes", "read-only");
    calls.queryOrFail(
        owner.bearer(), notes, "CREATE TABLE t(v TEXT); INSERT INTO t VALUES ('kept')");
    Path file = databaseFolder(owner, ".copy-notes").resolve("current").resolve(".copy-notes");
    assertTrue(Files.isRegularFile(file), file.toString());
    // Anyone may export a public database; the export's clean-up must leave the database alone.
    HttpResponse<byte[]> exported = export(null, notes);
    assertEquals(200, exported.statusCode(), new String(exported.body(), StandardCharsets.UTF_8));
    assertEquals(List.of(List.of("kept")), rows(exported.body(), "SELECT v FROM t"));
    assertTrue(Files.isRegularFile(file), "the database's own file is still there");

    // 1.2 MB in a database whose name starts with a dot count against the 2 MiB per entity.
    String hidden = database(owner, ".filled", "no-access");
    calls.queryOrFail(owner.bearer(), hidden, FILL);
    String other = database(owner, "other", "no-access");
    HttpResponse<String> refused = calls.query(owner.bearer(), other, FILL);
    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(
        json(refused).getString("message").startsWith("Storage quota exceeded"), refused.body());
  }

  // ---- helpers -------------------------------------------------------------------------------

  private String database(Account owner, String name, String level) throws Exception {
    String path = "/v1/" + owner.entity() + "/" + name;
    calls.createOrFail(owner.bearer(), path, level);
    return path;
  }

  private HttpResponse<byte[]> export(String authorization, String path) throws Exception {
    return api.sendForBytes(calls.authorized(path + "/export", authorization).GET());
  }

  private HttpResponse<String> importFile(String authorization, String path, byte[] file)
      throws Exception {
    return send(authorization, path, "database", file);
  }

  private HttpResponse<String> send(String authorization, String path, String part, byte[] file)
      throws Exception {
    String boundary = "----ayb" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + part
                + "\"; filename=\"upload.sqlite\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return api.send(
        calls
            .authorized(path + "/import", authorization)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpResponse<String> fork(String authorization, String path, String to) throws Exception {
    HttpRequest.Builder request = calls.authorized(path + "/fork", authorization);
    if (to != null) {
      request.header("fork-to", to);
    }
    return api.send(request.POST(BodyPublishers.noBody()));
  }

  private List<List<String>> query(Account account, String path, String sql) throws Exception {
    JsonArray rows = json(calls.queryOrFail(account.bearer(), path, sql)).getJsonArray("rows");
    List<List<String>> values = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      JsonArray row = rows.getJsonArray(r);
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        cells.add(row.isNull(c) ? null : row.getString(c));
      }
      values.add(cells);
    }
    return values;
  }

  /** A SQLite file made here by statements run in order. */
  private static byte[] sqliteFile(String... statements) throws Exception {
    Path file = Files.createTempFile("portability", ".sqlite");
    Files.delete(file);
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = conn.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    try {
      return Files.readAllBytes(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The rows of {@code sql} on a database file received here, as text. */
  private static List<List<String>> rows(byte[] database, String sql) throws Exception {
    Path file = Files.createTempFile("exported", ".sqlite");
    Files.write(file, database);
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = conn.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          row.add(result.getString(c));
        }
        rows.add(row);
      }
      return rows;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static JsonObject jsonOf(HttpResponse<byte[]> response) {
    return jakarta.json.Json.createReader(
            new java.io.StringReader(new String(response.body(), StandardCharsets.UTF_8)))
        .readObject();
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static Path databaseFolder(Account owner, String database) {
    return Path.of(System.getenv("AYB__DATA_PATH"), "databases", owner.entity(), database);
  }

  /** After a replacement, only the active version folder is left (no upload, no scratch). */
  private static void assertOneVersion(Account owner, String database) throws Exception {
    try (Stream<Path> files = Files.list(databaseFolder(owner, database))) {
      List<String> names =
          files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("current")).toList();
      assertEquals(1, names.size(), names.toString());
    }
  }

  private static void assertNoExportLeft() throws Exception {
    Path exports = Path.of(System.getenv("AYB__DATA_PATH"), "exports");
    if (Files.isDirectory(exports)) {
      // Streaming ends before the response does; the copy is removed right after.
      for (int i = 0; i < 50 && hasEntries(exports); i++) {
        Thread.sleep(100);
      }
      assertFalse(hasEntries(exports), "the export copy is removed");
    }
  }

  private static boolean hasEntries(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.findAny().isPresent();
    }
  }
}
