package org.aybdb.appserver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on Payara Server 6: created, started and stopped with {@code asadmin}, the metadata data
 * source's settings given as domain-level MicroProfile Config properties, everything else from
 * {@code AYB__} variables (which the server inherits from this JVM).
 */
class PayaraServerIT {

  private static final Logger LOG = Logger.getLogger(PayaraServerIT.class.getName());

  private static PayaraServer server;

  @BeforeAll
  static void deploy() throws Exception {
    // A fresh metadata store and e-mail log for every run.
    PayaraServer.deleteRecursively(Path.of(System.getenv("AYB__DATA_PATH")));
    S3TestServer.shared();
    Path work = Path.of(System.getProperty("appserver.work")).resolve("payara");
    String database = System.getenv("AYB__DATABASE_URL").substring("sqlite://".length());
    server =
        new PayaraServer(
            Path.of(System.getProperty("payara.home")),
            work,
            Integer.getInteger("payara.portBase"),
            Map.of(
                "class", "org.aybdb.infrastructure.persistence.sqlite.MetadataSQLiteDataSource",
                "url", "jdbc:sqlite:" + database,
                "user", "ayb",
                "password", "unused"));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "payara-stop"));
    long started = System.nanoTime();
    server.start();
    long serverUp = System.nanoTime();
    server.deploy(Path.of(System.getProperty("ayb.ear")));
    long deployed = System.nanoTime();
    LOG.info(
        String.format(
            "Payara Server: domain started in %.1f s, EAR deployed and answering in %.1f s, RSS %d MiB",
            (serverUp - started) / 1e9, (deployed - serverUp) / 1e9, server.residentKib() / 1024));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void flowRunsOnTheEar() throws Exception {
    AppServerFlow flow = new AppServerFlow(new ApiClient(server.application()));
    flow.run();
    flow.checkHealth();
    flow.checkMetrics();
    assertTrue(server.residentKib() > 0, "the server's process is alive");
    LOG.info(() -> "Payara Server after the flow: RSS " + server.residentKib() / 1024 + " MiB");
  }
}
