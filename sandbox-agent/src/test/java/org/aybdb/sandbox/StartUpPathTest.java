package org.aybdb.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aybdb.sandbox.daemon.DaemonOptions;
import org.aybdb.sandbox.daemon.QueryDaemon;
import org.aybdb.sandbox.daemon.QueryExecutor;
import org.aybdb.sandbox.launcher.SandboxLauncher;
import org.aybdb.sandbox.os.FdOutputStream;
import org.aybdb.sandbox.os.Landlock;
import org.aybdb.sandbox.os.LibC;
import org.aybdb.sandbox.os.Seccomp;
import org.aybdb.sandbox.protocol.FrameCodec;
import org.aybdb.sandbox.sqlite.AccessPolicy;
import org.aybdb.sandbox.sqlite.Sqlite3;
import org.aybdb.sandbox.sqlite.SqliteConnection;
import org.junit.jupiter.api.Test;

/**
 * The classes a cold start runs (the first stage's last step, the daemon up to its first answer)
 * link no {@code invokedynamic} call site: the first one bootstraps {@code java.lang.invoke} and
 * spins classes at run time, which cost tens of milliseconds per start
 * (docs/daemon-performance.md). String concatenation is compiled without it ({@code
 * -XDstringConcat=inline} in this module's pom); lambdas and method references would bring it back.
 */
class StartUpPathTest {

  private static final List<Class<?>> START_UP_PATH =
      List.of(
          SandboxLauncher.class,
          Landlock.class,
          Seccomp.class,
          LibC.class,
          QueryDaemon.class,
          DaemonOptions.class,
          FdOutputStream.class,
          FrameCodec.class,
          QueryExecutor.class,
          SqliteConnection.class,
          AccessPolicy.class,
          Sqlite3.class);

  @Test
  void noStringConcatenationThroughInvokedynamic() throws IOException {
    for (Class<?> type : START_UP_PATH) {
      assertFalse(
          constantPool(type).contains("makeConcatWithConstants"),
          type.getName() + " concatenates strings through invokedynamic");
    }
  }

  @Test
  void noLambdaOrMethodReference() throws IOException {
    for (Class<?> type : START_UP_PATH) {
      assertFalse(
          constantPool(type).contains("LambdaMetafactory"),
          type.getName() + " links a lambda or method reference");
    }
  }

  /** The class file's bytes as text: the names its constant pool refers to are in it verbatim. */
  private static String constantPool(Class<?> type) throws IOException {
    String resource = type.getSimpleName() + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no class file for " + type.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
