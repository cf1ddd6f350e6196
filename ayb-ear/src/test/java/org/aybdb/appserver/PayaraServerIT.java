package org.aybdb.appserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The EAR on Payara Server 6, created, started and stopped with {@code asadmin}, deployed twice to
 * one domain: first on a JDBC resource of the server's own (PostgreSQL) named by {@code [metadata]
 * datasource_jndi}, then on the application's own data source (SQLite), whose settings are
 * domain-level MicroProfile Config properties. Everything else comes from {@code AYB__} variables,
 * which the server inherits from this JVM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraServerIT {

  private static final Logger LOG = Logger.getLogger(PayaraServerIT.class.getName());

  private static final String JNDI_NAME = "jdbc/ayb-metadata";

  private static PayaraServer server;
  private static Path data;
  private static Path configFile;

  @BeforeAll
  static void start() throws Exception {
    data = Path.of(System.getenv("AYB__DATA_PATH"));
    configFile = Path.of(System.getenv("AYB_SERVER_CONFIG_FILE"));
    // A fresh metadata store and e-mail log for every run.
    PayaraServer.deleteRecursively(data);
    Files.deleteIfExists(configFile);
    S3TestServer.shared();
    Path work = Path.of(System.getProperty("appserver.work")).resolve("payara");
    server =
        new PayaraServer(
            Path.of(System.getProperty("payara.home")),
            work,
            Integer.getInteger("payara.portBase"));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "payara-stop"));
    long started = System.nanoTime();
    server.start();
    LOG.info(
        String.format(
            "Payara Server: domain started in %.1f s", (System.nanoTime() - started) / 1e9));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    Files.deleteIfExists(configFile);
  }

  /**
   * Runs first, on the fresh domain: the application's own data source has no settings there, so
   * the metadata can only land in the server's pool.
   */
  @Test
  @Order(1)
  void flowRunsOnTheServersDataSource() throws Exception {
    PostgresSchema postgres = new PostgresSchema(System.getProperty("ayb.test.pg.url"));
    postgres.drop();
    server.createJdbcResource(
        JNDI_NAME, "org.postgresql.ds.PGSimpleDataSource", postgres.poolProperties());
    Files.createDirectories(configFile.getParent());
    Files.writeString(configFile, serverDataSourceConfig(JNDI_NAME + "-typo"));
    assertThrows(IllegalStateException.class, () -> deploy("a name the server does not have"));
    String log = server.serverLog();
    assertTrue(
        log.contains("The metadata data source `" + JNDI_NAME + "-typo` named by"), "server.log");
    assertTrue(
        java.util.regex.Pattern.compile("Bound under `jdbc`: [^\n]*ayb-metadata[,.]")
            .matcher(log)
            .find(),
        "server.log lists the names the server has");

    Files.writeString(configFile, serverDataSourceConfig(JNDI_NAME));
    try {
      deploy("the server's data source " + JNDI_NAME);
    } finally {
      // Read once at deployment; the second test deploys without it.
      Files.delete(configFile);
    }
    // A client of its own per deployment: an HTTP/2 connection opened before a redeploy keeps the
    // old deployment's edge filters, which then pass requests on but close the connection on a
    // management request (docs/deploying.md).
    AppServerFlow flow =
        new AppServerFlow(new ApiClient(server.application(), HttpClient.newHttpClient()));
    String path = flow.run();
    flow.checkHealth();

    String owner = path.split("/")[2];
    assertEquals(1, postgres.databases(owner, "notes.sqlite"), "metadata in " + postgres.name());
    assertFalse(
        Files.exists(data.resolve("ayb.sqlite")), "no SQLite metadata beside the server's pool");
  }

  @Test
  @Order(2)
  void flowRunsOnTheApplicationsOwnDataSource() throws Exception {
    String database = System.getenv("AYB__DATABASE_URL").substring("sqlite://".length());
    // Nothing to tell the server: the data source ayb defines reads database_url itself.
    deploy("its own SQLite data source");
    // A client of its own per deployment: an HTTP/2 connection opened before a redeploy keeps the
    // old deployment's edge filters, which then pass requests on but close the connection on a
    // management request (docs/deploying.md).
    AppServerFlow flow =
        new AppServerFlow(new ApiClient(server.application(), HttpClient.newHttpClient()));
    flow.run();
    flow.checkHealth();
    flow.checkMetrics();
    // Point queries are served from the listeners of the application's virtual server, never
    // from the admin console's.
    java.util.regex.Matcher routed =
        java.util.regex.Pattern.compile("Point queries are answered straight from HTTP listeners")
            .matcher(server.serverLog());
    assertTrue(routed.find(), "server.log names the listeners that answer point queries");
    String line = server.serverLog().substring(routed.start()).lines().findFirst().orElseThrow();
    assertTrue(line.contains("http-listener") && !line.contains("admin-listener"), line);
    assertTrue(Files.size(Path.of(database)) > 0, "SQLite metadata in " + database);
    assertTrue(server.residentKib() > 0, "the server's process is alive");
    LOG.info(() -> "Payara Server after the flows: RSS " + server.residentKib() / 1024 + " MiB");
  }

  private static void deploy(String metadata) throws Exception {
    long started = System.nanoTime();
    server.deploy(Path.of(System.getProperty("ayb.ear")));
    LOG.info(
        String.format(
            "Payara Server: EAR on %s deployed and answering in %.1f s, RSS %d MiB",
            metadata, (System.nanoTime() - started) / 1e9, server.residentKib() / 1024));
  }

  /**
   * An ayb.toml naming the server's data source; the AYB__ variables still override it (the SQLite
   * database_url among them, which the server's data source makes unused).
   */
  private static String serverDataSourceConfig(String jndiName) {
    return """
        host = "127.0.0.1"
        port = 5433
        database_url = "sqlite://unused.sqlite"
        data_path = "%s"

        [authentication]
        token_expiration_seconds = 3600

        [email.file]
        path = "%s"

        [cors]
        origin = "*"

        [metadata]
        datasource_jndi = "%s"
        """
        .formatted(data, data.resolve("emails.jsonl"), jndiName);
  }
}
