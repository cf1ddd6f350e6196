package org.aybdb.appserver;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Payara Server 6 from the {@code fish.payara.distributions:payara} zip, driven with {@code
 * asadmin} as an administrator would: a domain of its own created with {@code --portbase} (every
 * port of the domain, Hazelcast's too, is the base plus a fixed offset: admin +48, HTTP +80), the
 * metadata data source either the server's own JDBC resource or the application's (its MicroProfile
 * Config properties set at domain level), the EAR deployed.
 */
final class PayaraServer implements AppServer {

  private static final String DOMAIN = "ayb";

  /**
   * How long a remote asadmin command may take. The deploy is the long one: over 10 min on two
   * cores at load 45; 15 min, as the tests give Payara Micro's start under load.
   */
  private static final Duration REMOTE_COMMAND_LIMIT = Duration.ofMinutes(15);

  private final Path home;
  private final Path domains;
  private final int portBase;
  private final Commands commands;
  private long pid;

  /**
   * @param home the unpacked distribution ({@code payara6})
   * @param work a folder for the domain and the command log
   * @param portBase the domain's port base
   */
  PayaraServer(Path home, Path work, int portBase) {
    this.home = Objects.requireNonNull(home, "home");
    this.domains = work.resolve("domains");
    this.portBase = portBase;
    this.commands =
        new Commands(
            work.resolve("asadmin.log"),
            // asadmin's own wait for the server's answer (10 min by default) as long as ours.
            Map.of(
                "AS_JAVA",
                System.getProperty("java.home"),
                "AS_ADMIN_READTIMEOUT",
                Long.toString(REMOTE_COMMAND_LIMIT.toMillis())));
  }

  @Override
  public void start() throws Exception {
    deleteRecursively(domains);
    asadmin(
        Duration.ofMinutes(3),
        "create-domain",
        "--domaindir",
        domains.toString(),
        "--portbase",
        Integer.toString(portBase),
        "--nopassword",
        "--checkports=true",
        DOMAIN);
    addJvmOptions();
    addLibraries();
    asadmin(Duration.ofMinutes(5), "start-domain", "--domaindir", domains.toString(), DOMAIN);
    pid = Long.parseLong(Files.readString(domains.resolve(DOMAIN + "/config/pid")).strip());
    // Payara's own MicroProfile Health endpoint would answer /health instead of ayb's.
    admin("set-microprofile-healthcheck-configuration", "--enabled=false");
  }

  /**
   * A JDBC connection pool of {@code dataSourceClass} with {@code properties} and a resource {@code
   * jndiName} on it, as docs/deploying.md shows; pinged, so a wrong setting fails here.
   */
  void createJdbcResource(String jndiName, String dataSourceClass, Map<String, String> properties)
      throws Exception {
    String pool = jndiName.replace('/', '-') + "-pool";
    StringBuilder joined = new StringBuilder();
    for (var property : properties.entrySet()) {
      joined.append(joined.isEmpty() ? "" : ":");
      // asadmin separates properties with ':', so a ':' inside a value is escaped.
      joined.append(property.getKey()).append('=').append(property.getValue().replace(":", "\\:"));
    }
    admin(
        "create-jdbc-connection-pool",
        "--datasourceclassname",
        dataSourceClass,
        "--restype",
        "javax.sql.DataSource",
        "--property",
        joined.toString(),
        pool);
    admin("create-jdbc-resource", "--connectionpoolid", pool, jndiName);
    admin("ping-connection-pool", pool);
  }

  @Override
  public void deploy(Path ear) throws Exception {
    admin("deploy", "--name", "ayb", "--force=true", ear.toString());
    awaitHealth(application());
  }

  /** The domain's {@code server.log} so far. */
  String serverLog() throws IOException {
    return Files.readString(domains.resolve(DOMAIN + "/logs/server.log"));
  }

  @Override
  public URL application() throws Exception {
    return URI.create("http://127.0.0.1:" + (portBase + 80) + "/").toURL();
  }

  @Override
  public long residentKib() {
    return pid == 0 ? 0 : Commands.residentKib(pid);
  }

  @Override
  public void close() {
    try {
      asadmin(Duration.ofMinutes(2), "stop-domain", "--domaindir", domains.toString(), DOMAIN);
    } catch (Exception e) {
      // Killed below.
    }
    if (pid != 0) {
      Commands.killIfAlive(pid, Duration.ofSeconds(10));
      pid = 0;
    }
  }

  /**
   * The tests' small-JVM flags ({@code appserver.jvmOptions}) in the server's own configuration,
   * before its first start: {@code asadmin create-jvm-options} needs a running server, and a
   * restart would cost as much again.
   */
  private void addJvmOptions() throws IOException {
    String options = System.getProperty("appserver.jvmOptions", "").strip();
    if (options.isEmpty()) {
      return;
    }
    Path domainXml = domains.resolve(DOMAIN + "/config/domain.xml");
    String anchor = "<jvm-options>-server</jvm-options>";
    String xml = Files.readString(domainXml);
    StringBuilder added = new StringBuilder(anchor);
    for (String option : options.split("\\s+")) {
      added.append("<jvm-options>").append(option).append("</jvm-options>");
    }
    // The first java-config is the DAS's own (server-config); default-config is a template.
    Files.writeString(domainXml, xml.replaceFirst(anchor, added.toString()));
  }

  /**
   * JDBC drivers named by {@code postgresql.jar} into the domain's {@code lib/}, before the first
   * start: {@code asadmin add-library} would need a restart to load them.
   */
  private void addLibraries() throws IOException {
    String driver = System.getProperty("postgresql.jar", "");
    if (!driver.isBlank()) {
      Path lib = Files.createDirectories(domains.resolve(DOMAIN + "/lib"));
      Files.copy(Path.of(driver), lib.resolve(Path.of(driver).getFileName()));
    }
  }

  private void admin(String... arguments) throws Exception {
    List<String> withPort = new ArrayList<>(List.of("--port", Integer.toString(portBase + 48)));
    withPort.addAll(List.of(arguments));
    asadmin(REMOTE_COMMAND_LIMIT, withPort.toArray(String[]::new));
  }

  private void asadmin(Duration timeout, String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/asadmin").toString());
    command.addAll(List.of(arguments));
    commands.run(timeout, command);
  }

  /** Waits until the application's {@code GET /health} answers 200. */
  static void awaitHealth(URL application) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI health = application.toURI().resolve("/health");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The application did not answer " + health + " in time");
  }

  static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
