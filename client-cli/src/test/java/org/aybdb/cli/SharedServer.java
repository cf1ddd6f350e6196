package org.aybdb.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One started {@code bin/ayb server} for every IT class that only needs a running server: a Payara
 * Micro start is the dearest step of these tests (a minute or more on two busy cores), so the
 * classes share one instead of starting one each. A class asks for it with
 * {@code @ExtendWith(SharedServer.class)} and a {@link RunningServer} parameter (in
 * {@code @BeforeAll}); the first one starts it, and it stops when the test run ends.
 *
 * <p>The classes sharing it must not depend on each other's data: each uses entities of its own
 * (unique names) and none reconfigures the server; only {@link ShutdownUnderLoadIT} stops it, and
 * it runs last ({@code @Order}). Its settings are the union of what they need: no confirmation
 * e-mail rate limit (every test registers accounts), no per-entity query limits and a 5 s shutdown
 * grace (ShutdownUnderLoadIT's writers), answers up to 64 MiB (LogAmplificationIT reads a 12 MB
 * result) and snapshots every {@value #SNAPSHOT_INTERVAL_SECONDS} s to a real S3 server, an S3Proxy
 * started with it (ClientCommandIT's snapshot commands; an unchanged database gets no new snapshot,
 * so a run costs little).
 */
public final class SharedServer implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedServer.class);

  /** How often the server snapshots its changed databases. */
  static final int SNAPSHOT_INTERVAL_SECONDS = 1;

  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "AYB__EMAIL__RATE_LIMIT_PER_HOUR", "0",
          "AYB__LIMITS__CONCURRENT_QUERIES", "0",
          "AYB__LIMITS__QUERIES_PER_MINUTE", "0",
          "AYB__SERVER__SHUTDOWN_GRACE_SECONDS", "5",
          "AYB__SANDBOX__MAX_RESULT_BYTES", "64MiB");

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The root store outlives every class and closes its resources when the run ends.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", key -> Started.start(), Started.class)
        .server();
  }

  /** The server, its S3 server and their folder, all removed when the run ends. */
  private record Started(RunningServer server, S3ProxyServer s3, Path folder)
      implements ExtensionContext.Store.CloseableResource {

    static Started start() {
      S3ProxyServer s3 = null;
      try {
        Path folder = Files.createTempDirectory("ayb-cli-shared-server");
        s3 = S3ProxyServer.start(Files.createDirectory(folder.resolve("s3")));
        Map<String, String> environment =
            new HashMap<>(s3.serverEnvironment(SNAPSHOT_INTERVAL_SECONDS + "s", 6));
        environment.putAll(ENVIRONMENT);
        Path serverFolder = Files.createDirectory(folder.resolve("server"));
        return new Started(RunningServer.start(serverFolder, environment), s3, folder);
      } catch (Exception e) {
        if (s3 != null) {
          s3.close();
        }
        throw new IllegalStateException("the shared ayb server did not start", e);
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      s3.close();
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    }
  }
}
