package org.aybdb.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
 * (unique names) and none stops or reconfigures the server. Its settings are the union of what they
 * need: no confirmation e-mail rate limit (every test registers accounts) and answers up to 64 MiB
 * (LogAmplificationIT reads a 12 MB result).
 */
public final class SharedServer implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedServer.class);

  static final Map<String, String> ENVIRONMENT =
      Map.of(
          "AYB__EMAIL__RATE_LIMIT_PER_HOUR", "0",
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

  /** The server and its folder, both removed when the run ends. */
  private record Started(RunningServer server, Path folder)
      implements ExtensionContext.Store.CloseableResource {

    static Started start() {
      try {
        Path folder = Files.createTempDirectory("ayb-cli-shared-server");
        return new Started(RunningServer.start(folder, ENVIRONMENT), folder);
      } catch (Exception e) {
        throw new IllegalStateException("the shared ayb server did not start", e);
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
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
