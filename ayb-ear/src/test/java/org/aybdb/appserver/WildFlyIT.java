package org.aybdb.appserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.aybdb.interfaces.rest.ApiClient;
import org.aybdb.interfaces.rest.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on WildFly 39 ({@code standalone-microprofile.xml}), deployed with {@code jboss-cli}:
 * nothing is configured on the server for ayb, which takes everything from {@code AYB__} variables
 * (inherited from this JVM). The same flow as on Payara Server; metrics the way WildFly exposes
 * them: its own on the management interface, ayb's application metrics reported as off.
 */
class WildFlyIT {

  private static final Logger LOG = Logger.getLogger(WildFlyIT.class.getName());

  private static WildFlyServer server;

  @BeforeAll
  static void deploy() throws Exception {
    // A fresh metadata store and e-mail log for every run (Payara's test may have run before).
    PayaraServer.deleteRecursively(Path.of(System.getenv("AYB__DATA_PATH")));
    S3TestServer.shared();
    server =
        new WildFlyServer(
            Path.of(System.getProperty("wildfly.home")),
            Path.of(System.getProperty("appserver.work")).resolve("wildfly"),
            Integer.getInteger("wildfly.portBase"));
    String measured = server.startAndDeploy(Path.of(System.getProperty("ayb.ear")));
    LOG.info(() -> "WildFly: server " + measured);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void flowRunsOnTheEar() throws Exception {
    ApiClient api = new ApiClient(server.application());
    AppServerFlow flow = new AppServerFlow(api);
    flow.run();
    flow.checkHealth();

    // ayb says that its application metrics are off here: WildFly has no MicroProfile Metrics.
    JsonObject ready = ApiClient.json(api.send(api.management("/health/ready")));
    assertEquals(
        "off: the server has no MicroProfile Metrics",
        check(ready, "metrics").getJsonObject("data").getString("application-metrics"),
        ready.toString());

    // WildFly's own health report, on its management interface: the server and this deployment.
    HttpResponse<String> serverReady =
        api.send(HttpRequest.newBuilder(server.management("/health/ready")));
    assertEquals(200, serverReady.statusCode(), serverReady.body());
    JsonObject serverReport = ApiClient.json(serverReady);
    assertEquals("UP", serverReport.getString("status"), serverReady.body());
    assertEquals(
        "OK",
        check(serverReport, "deployments-status").getJsonObject("data").getString("ayb.ear"),
        serverReady.body());

    // WildFly's own metrics, in Prometheus text on the management interface.
    HttpResponse<String> metrics = api.send(HttpRequest.newBuilder(server.management("/metrics")));
    assertEquals(200, metrics.statusCode(), metrics.body());
    assertTrue(metrics.body().contains("base_memory_used"), metrics.body());
    // ayb's EJBs, by deployment (the subsystem metrics WildFly exposes for every deployment).
    assertTrue(metrics.body().contains("deployment=\"ayb.ear\""), metrics.body());
    assertTrue(server.residentKib() > 0, "the server's process is alive");
    LOG.info(() -> "WildFly after the flow: RSS " + server.residentKib() / 1024 + " MiB");
  }

  private static JsonObject check(JsonObject report, String name) {
    for (JsonValue check : report.getJsonArray("checks")) {
      if (name.equals(check.asJsonObject().getString("name"))) {
        return check.asJsonObject();
      }
    }
    throw new AssertionError("No check " + name + " in " + report);
  }
}
