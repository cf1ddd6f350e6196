package org.aybdb.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The image Jib built ({@code target/ayb-image.tar}) started without a container runtime: its
 * layers unpacked into a folder, its entry point run there as PID 1 of a new PID and mount
 * namespace, root directory changed to that folder, as the image's user, with the image's
 * environment (only the port, the address and the server's JVM flags changed). What runs is the
 * image's own JDK, glibc and libsqlite3; the host's network is shared, so it listens on loopback.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageIT {

  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);

  private static ImageTarball image;
  private static Path rootfs;
  private static Path log;
  private static Process container;
  private static int port;
  private static long startupMillis;
  private static boolean root;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void startTheImagesEntryPoint() throws Exception {
    Path work = Path.of(System.getProperty("ayb.image.work"));
    deleteRecursively(work);
    image = ImageTarball.open(Path.of(System.getProperty("ayb.image.tar")), work.resolve("tar"));
    rootfs = work.resolve("rootfs");
    image.unpack(rootfs);
    Path script = work.resolve("run-rootfs.sh");
    try (InputStream in = ContainerImageIT.class.getResourceAsStream("/run-rootfs.sh")) {
      Files.copy(in, script);
    }
    root = hostUid() == 0;
    String[] user = image.user().split(":");
    List<String> command =
        new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child"));
    if (!root) {
      // Without root here: a user namespace whose root is this user (it cannot switch users).
      command.addAll(List.of("--user", "--map-root-user"));
    }
    command.addAll(
        List.of(
            "sh",
            script.toString(),
            rootfs.toString(),
            image.workingDirectory(),
            root ? user[0] : "0",
            root ? user[user.length - 1] : "0",
            "--"));
    command.addAll(image.command());

    port = freePort();
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.putAll(image.environment());
    environment.put("AYB__HOST", "127.0.0.1");
    environment.put("AYB__PORT", Integer.toString(port));
    environment.put("AYB__SERVER__JVM_OPTIONS", System.getProperty("ayb.test.jvm", ""));
    log = work.resolve("container.log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    long started = System.nanoTime();
    container = builder.start();
    awaitHealthy();
    startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  @AfterAll
  static void stopWhatIsLeft() throws Exception {
    if (container != null && container.isAlive()) {
      // SIGKILL to the namespace's PID 1 makes the kernel end every other process in it.
      containerJavas().forEach(ProcessHandle::destroyForcibly);
      container.destroyForcibly();
      container.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(1)
  void theImageRunsAsItsNonRootUserOnItsOwnRuntimeAndLibraries() throws Exception {
    String[] user = image.user().split(":");
    assertFalse(image.user().isBlank(), "the image names no user");
    assertNotEquals("0", user[0], "the image runs as root");
    assertTrue(Files.isExecutable(rootfs.resolve("opt/java/bin/java")), "no jlink runtime");
    assertFalse(
        Files.exists(rootfs.resolve("opt/java/bin/javac")), "the runtime holds the compiler");
    assertTrue(
        Files.exists(rootfs.resolve("usr/lib/x86_64-linux-gnu/libsqlite3.so.0"))
            || Files.exists(rootfs.resolve("usr/lib/aarch64-linux-gnu/libsqlite3.so.0")),
        "no libsqlite3 for the query daemons");

    List<ProcessHandle> javas = containerJavas();
    assertTrue(javas.size() >= 2, "launcher and server expected, got " + javas);
    for (ProcessHandle java : javas) {
      Path exe = Files.readSymbolicLink(proc(java, "exe"));
      assertEquals(rootfs.resolve("opt/java/bin/java"), exe, "process " + java.pid());
      boolean imagesGlibc =
          Files.readAllLines(proc(java, "maps")).stream()
              .anyMatch(line -> line.contains(rootfs + "/usr/lib/") && line.endsWith("/libc.so.6"));
      assertTrue(imagesGlibc, "process " + java.pid() + " does not use the image's glibc");
      if (root) {
        assertEquals(user[0], status(java, "Uid").split("\\s+")[0], "uid of " + java.pid());
      }
    }
  }

  @Test
  @Order(2)
  void healthAnswersAndAQueryRunsInASandboxedDaemon() throws Exception {
    HttpResponse<String> health = get("/health");
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(health.body().contains("\"ok\""), health.body());

    String entity = "image" + Long.toHexString(System.nanoTime());
    HttpResponse<String> registered =
        send(
            request("/v1/register")
                .header("entity", entity)
                .header("email-address", entity + "@example.org")
                .header("entity-type", "user")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, registered.statusCode(), registered.body());
    // The file e-mail backend of the image's default: /data/emails.jsonl inside the image.
    String emails = Files.readString(rootfs.resolve("data/emails.jsonl"));
    String confirmation =
        emails.substring(emails.lastIndexOf("ayb client confirm ") + 19).split("[\"\\\\ ]")[0];
    HttpResponse<String> confirmed =
        send(
            request("/v1/confirm")
                .header("authentication-token", confirmation)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    String token = confirmed.body().substring(confirmed.body().indexOf("ayb_")).split("\"")[0];

    String database = "/v1/" + entity + "/numbers.sqlite";
    HttpResponse<String> created =
        send(
            request(database + "/create")
                .header("Authorization", "Bearer " + token)
                .header("db-type", "sqlite")
                .header("public-sharing-level", "no-access")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(201, created.statusCode(), created.body());
    HttpResponse<String> query =
        send(
            request(database + "/query")
                .header("Authorization", "Bearer " + token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (6 * 7);"
                            + " SELECT n, sqlite_version() AS v FROM t")));
    assertEquals(200, query.statusCode(), query.body());
    JsonObject result = json(query.body());
    assertEquals("n", result.getJsonArray("fields").getString(0), query.body());
    assertEquals("42", result.getJsonArray("rows").getJsonArray(0).getString(0), query.body());

    // The daemon that answered runs the image's JVM, as the image's user, sandboxed.
    ProcessHandle daemon =
        containerJavas().stream()
            .filter(p -> commandLine(p).contains("org.aybdb.sandbox.daemon.QueryDaemon"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no query daemon in " + containerJavas()));
    if (root) {
      assertEquals(
          image.user().split(":")[0], status(daemon, "Uid").split("\\s+")[0], "daemon's uid");
    }
    assertEquals("2", status(daemon, "Seccomp"), "the daemon runs without its seccomp filter");
    assertEquals("1", status(daemon, "NoNewPrivs"));

    HttpResponse<String> ready = get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    String sandbox =
        json(ready.body()).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(check -> check.getString("name").equals("query-sandbox"))
            .findFirst()
            .orElseThrow()
            .getJsonObject("data")
            .getString("status");
    assertTrue(sandbox.startsWith("sandboxed"), sandbox);
    System.out.printf(
        Locale.ROOT,
        "[image] query-sandbox in the unpacked image: %s%n[image] %s%n",
        sandbox,
        figures());
  }

  @Test
  @Order(3)
  void sigtermOnTheEntryPointStopsTheServerAndEveryProcess() throws Exception {
    ProcessHandle entryPoint =
        containerJavas().stream()
            .filter(p -> commandLine(p).contains("/opt/ayb/ayb-cli.jar"))
            .findFirst()
            .orElseThrow();
    List<ProcessHandle> all = containerJavas();
    entryPoint.destroy(); // SIGTERM, as `docker stop` sends to PID 1
    assertTrue(container.waitFor(90, TimeUnit.SECONDS), "the container did not stop");
    for (ProcessHandle process : all) {
      assertFalse(process.isAlive(), "process " + process.pid() + " outlived the entry point");
    }
    String output = Files.readString(log);
    assertTrue(output.contains("Shutting down server..."), output);
    assertFalse(
        Files.exists(rootfs.resolve("data/.server/payara-root")), "Payara's runtime was left");
  }

  private static String figures() throws IOException {
    long unpacked;
    try (Stream<Path> files = Files.walk(rootfs)) {
      unpacked =
          files
              .filter(Files::isRegularFile)
              .filter(p -> !p.startsWith(rootfs.resolve("data")))
              .mapToLong(p -> p.toFile().length())
              .sum();
    }
    StringBuilder rss = new StringBuilder();
    long total = 0;
    for (ProcessHandle java : containerJavas()) {
      long kib = Long.parseLong(status(java, "VmRSS").replace("kB", "").trim());
      total += kib;
      String line = commandLine(java);
      String role =
          line.contains("ayb-cli.jar")
              ? "launcher"
              : line.contains("payara-micro.jar")
                  ? "server"
                  : line.contains("QueryDaemon") ? "daemon" : "first stage";
      rss.append(String.format(Locale.ROOT, " %s %.0f MB,", role, kib / 1024.0));
    }
    return String.format(
        Locale.ROOT,
        "image: %d layers, %.0f MB compressed, %.0f MB unpacked; entry point to /health 200:"
            + " %.1f s; resident memory after one query:%s total %.0f MB",
        image.layers().size(),
        image.layerBytes() / 1e6,
        unpacked / 1e6,
        startupMillis / 1000.0,
        rss,
        total / 1024.0);
  }

  private static void awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!container.isAlive()) {
        throw new AssertionError(
            "the entry point exited with " + container.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        if (get("/health").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no /health within " + STARTUP_LIMIT + ":\n" + Files.readString(log));
  }

  /** The container's JVMs: every descendant of the namespace's outer unshare running java. */
  private static List<ProcessHandle> containerJavas() {
    return container
        .descendants()
        .filter(p -> commandLine(p).startsWith("/opt/java/bin/java"))
        .sorted(Comparator.comparingLong(ProcessHandle::pid))
        .toList();
  }

  private static String commandLine(ProcessHandle process) {
    try {
      return Files.readString(proc(process, "cmdline")).replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  private static Path proc(ProcessHandle process, String file) {
    return Path.of("/proc", Long.toString(process.pid()), file);
  }

  private static String status(ProcessHandle process, String key) throws IOException {
    return Files.readAllLines(proc(process, "status")).stream()
        .filter(line -> line.startsWith(key + ":"))
        .map(line -> line.substring(key.length() + 1).trim())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in /proc/" + process.pid()));
  }

  private static int hostUid() throws IOException {
    return Integer.parseInt(
        Files.readAllLines(Path.of("/proc/self/status")).stream()
            .filter(line -> line.startsWith("Uid:"))
            .findFirst()
            .orElseThrow()
            .split("\\s+")[1]);
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(request(path).GET());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
