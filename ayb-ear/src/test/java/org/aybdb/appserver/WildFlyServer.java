package org.aybdb.appserver;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WildFly from the {@code org.wildfly:wildfly-dist} archive, run as an administrator would: a
 * server base folder of its own (a copy of {@code standalone/}), the MicroProfile configuration
 * ({@code standalone-microprofile.xml}: MicroProfile Config and Health) with every socket binding
 * moved into the test's block (base + 9 AJP, +12/+13 transactions, +80 HTTP, +81 HTTPS, +90/+93
 * management), started with {@code standalone.sh}, the EAR deployed and the server stopped with
 * {@code jboss-cli}. The default ports span 8009 to 9993, wider than any one port offset could move
 * into a block of 100, so each binding gets its port in the configuration the server reads.
 */
final class WildFlyServer implements AppServer {

  /** The full Jakarta EE web profile with EJB; standalone-microprofile.xml has no EJB container. */
  private static final String CONFIG = "standalone.xml";

  /** Each socket binding's port, as an offset from the base. */
  static final Map<String, Integer> PORTS =
      Map.of(
          "ajp", 9,
          "txn-recovery-environment", 12,
          "txn-status-manager", 13,
          "http", 80,
          "https", 81,
          "management-http", 90,
          "management-https", 93);

  private final Path home;
  private final Path base;
  private final int portBase;
  private final Commands commands;
  private final Path log;
  private Process launcher;

  /**
   * @param home the unpacked distribution ({@code wildfly-39.0.1.Final})
   * @param work a folder for the server base folder and the logs
   * @param portBase the first port of the test's block
   */
  WildFlyServer(Path home, Path work, int portBase) {
    this.home = Objects.requireNonNull(home, "home");
    this.base = work.resolve("standalone");
    this.portBase = portBase;
    this.log = work.resolve("console.log");
    this.commands =
        new Commands(
            work.resolve("jboss-cli.log"), Map.of("JAVA_HOME", System.getProperty("java.home")));
  }

  @Override
  public void start() throws Exception {
    PayaraServer.deleteRecursively(base);
    copyRecursively(home.resolve("standalone"), base);
    Path config = base.resolve("configuration").resolve(CONFIG);
    Files.writeString(config, withHealth(withPorts(Files.readString(config), portBase)));
    List<String> command =
        List.of(
            "sh",
            home.resolve("bin/standalone.sh").toString(),
            "-c",
            CONFIG,
            "-b",
            "127.0.0.1",
            "-bmanagement",
            "127.0.0.1",
            "-Djboss.server.base.dir=" + base);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JAVA_OPTS", javaOptions());
    launcher = builder.start();
    awaitStarted(Duration.ofMinutes(5));
  }

  @Override
  public void deploy(Path ear) throws Exception {
    cli(Duration.ofMinutes(8), "deploy " + ear + " --name=ayb.ear --force");
    PayaraServer.awaitHealth(application());
  }

  @Override
  public URL application() throws Exception {
    return URI.create("http://127.0.0.1:" + (portBase + PORTS.get("http")) + "/").toURL();
  }

  /** A URL on the management interface (health, metrics), with {@code path}. */
  URI management(String path) {
    return URI.create("http://127.0.0.1:" + (portBase + PORTS.get("management-http")) + path);
  }

  @Override
  public long residentKib() {
    return serverPid().stream().mapToLong(Commands::residentKib).sum();
  }

  @Override
  public void close() {
    if (launcher == null) {
      return;
    }
    List<Long> pids = serverPid();
    try {
      cli(Duration.ofMinutes(2), ":shutdown");
    } catch (Exception e) {
      // Killed below.
    }
    for (long pid : pids) {
      Commands.killIfAlive(pid, Duration.ofSeconds(20));
    }
    Commands.killIfAlive(launcher.pid(), Duration.ofSeconds(5));
    launcher = null;
  }

  /** The server's JVM: the launcher script's java child (the script itself holds little). */
  private List<Long> serverPid() {
    if (launcher == null) {
      return List.of();
    }
    return launcher
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
        .map(ProcessHandle::pid)
        .toList();
  }

  /** {@code standalone.conf}'s defaults plus the tests' small-JVM flags. */
  private static String javaOptions() {
    return ("-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true"
            + " -Djboss.modules.system.pkgs=org.jboss.byteman "
            + System.getProperty("appserver.jvmOptions", ""))
        .strip();
  }

  /** {@code xml} with each socket binding of {@link #PORTS} on base + its offset. */
  static String withPorts(String xml, int portBase) {
    String result = xml;
    for (var port : PORTS.entrySet()) {
      Pattern binding =
          Pattern.compile(
              "(<socket-binding name=\""
                  + Pattern.quote(port.getKey())
                  + "\"[^>]*? port=\")[^\"]+");
      Matcher matcher = binding.matcher(result);
      if (!matcher.find()) {
        throw new IllegalStateException("No socket binding " + port.getKey() + " in " + CONFIG);
      }
      result =
          matcher.replaceFirst(
              Matcher.quoteReplacement(matcher.group(1)) + (portBase + port.getValue()));
    }
    return result;
  }

  /**
   * {@code xml} with MicroProfile Health added, as {@code jboss-cli}'s {@code
   * /extension=org.wildfly.extension.microprofile.health-smallrye:add} and {@code
   * /subsystem=microprofile-health-smallrye:add(security-enabled=false)} would: ayb's health checks
   * need its implementation.
   */
  static String withHealth(String xml) {
    String config = "<extension module=\"org.wildfly.extension.microprofile.config-smallrye\"/>";
    String subsystem = "<subsystem xmlns=\"urn:wildfly:microprofile-config-smallrye:2.0\"/>";
    if (!xml.contains(config) || !xml.contains(subsystem)) {
      throw new IllegalStateException("No MicroProfile Config in " + CONFIG);
    }
    return xml.replace(
            config,
            config + "<extension module=\"org.wildfly.extension.microprofile.health-smallrye\"/>")
        .replace(
            subsystem,
            subsystem
                + "<subsystem xmlns=\"urn:wildfly:microprofile-health-smallrye:3.0\""
                + " security-enabled=\"false\"/>");
  }

  private void cli(Duration timeout, String operation) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("sh");
    command.add(home.resolve("bin/jboss-cli.sh").toString());
    command.add("--connect");
    command.add("--controller=127.0.0.1:" + (portBase + PORTS.get("management-http")));
    // The default 5 s to connect is too short for a loaded machine.
    command.add("--timeout=120000");
    command.add("--command=" + operation);
    commands.run(timeout, command);
  }

  /**
   * Waits for WildFly's "started" line in its console log (WFLYSRV0025, or WFLYSRV0026 when a
   * service failed to start); fails at once if the server exits.
   */
  private void awaitStarted(Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!launcher.isAlive()) {
        throw new IllegalStateException("WildFly exited " + launcher.exitValue() + "; see " + log);
      }
      String console = Files.exists(log) ? Files.readString(log) : "";
      if (console.contains("WFLYSRV0026")) {
        throw new IllegalStateException("WildFly started with errors; see " + log);
      }
      if (console.contains("WFLYSRV0025")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("WildFly did not start in " + timeout + "; see " + log);
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
